package io.findoc.batch.analyzer.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyParserTest {

  private static BigDecimal only(String line) {
    List<Money> found = MoneyParser.find(line);
    assertThat(found).as(line).hasSize(1);
    return found.get(0).value();
  }

  @Test
  void readsUsAndEuropeanNotations() {
    assertThat(only("Total $1,234.56")).isEqualByComparingTo("1234.56");
    assertThat(only("Gesamtbetrag 1.234,56 €")).isEqualByComparingTo("1234.56");
    assertThat(only("Montant 1 234,56 EUR")).isEqualByComparingTo("1234.56");
    assertThat(only("Total 1'234.56 CHF")).isEqualByComparingTo("1234.56");
    assertThat(only("Amount 12.50")).isEqualByComparingTo("12.50");
    assertThat(only("Betrag 12,50")).isEqualByComparingTo("12.50");
    assertThat(only("Total USD 1,000")).isEqualByComparingTo("1000");
  }

  @Test
  void readsNegatives() {
    assertThat(only("Refund (1,234.56)")).isEqualByComparingTo("-1234.56");
    assertThat(only("Fee -12.00")).isEqualByComparingTo("-12.00");
    assertThat(only("Lastschrift 45,00-")).isEqualByComparingTo("-45.00");
    assertThat(only("Debit -€45.00")).isEqualByComparingTo("-45.00");
  }

  @Test
  void takesCurrenciesFromSymbolsAndCodes() {
    assertThat(MoneyParser.find("€ 10,00").get(0).currency()).isEqualTo("EUR");
    assertThat(MoneyParser.find("£10.00").get(0).currency()).isEqualTo("GBP");
    assertThat(MoneyParser.find("10.00 USD").get(0).currency()).isEqualTo("USD");
    assertThat(MoneyParser.find("10.00").get(0).currency()).isNull();
  }

  @Test
  void ignoresIntegersPercentagesAndReferences() {
    assertThat(MoneyParser.find("Invoice 2024 qty 3 VAT 19% rate 19.00%")).isEmpty();
  }
}
