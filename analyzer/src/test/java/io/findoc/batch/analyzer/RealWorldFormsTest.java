package io.findoc.batch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.analyzer.extract.ContentType;
import io.findoc.batch.analyzer.extract.ExtractedText;
import io.findoc.batch.analyzer.fields.Money;
import io.findoc.batch.analyzer.fields.MoneyParser;
import io.findoc.batch.analyzer.result.ResultDocument;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forms real documents use that the text reader once missed (issue 19), one test each. */
class RealWorldFormsTest {

  @Test
  void parenthesesMakeANegativeAmount() {
    assertThat(only("Balance (1,234.56)").value()).isEqualByComparingTo("-1234.56");
  }

  @Test
  void aTrailingMinusMakesANegativeAmountWithOrWithoutASpace() {
    assertThat(only("Betrag 1.234,56-").value()).isEqualByComparingTo("-1234.56");
    assertThat(only("Betrag 1.234,56 -").value()).isEqualByComparingTo("-1234.56");
    assertThat(MoneyParser.find("from 100.00 - 200.00")).hasSize(2);
    assertThat(MoneyParser.find("from 100.00 - 200.00").get(0).value()).isPositive();
  }

  @Test
  void drMakesADebitAndCrACredit() {
    assertThat(only("Card payment 120.00 DR").value()).isEqualByComparingTo("-120.00");
    assertThat(only("Refund 120.00 CR").value()).isEqualByComparingTo("120.00");
  }

  @Test
  void apostropheGroupsThousands() {
    Money m = only("Total CHF 1'234.56");
    assertThat(m.value()).isEqualByComparingTo("1234.56");
    assertThat(m.currency()).isEqualTo("CHF");
  }

  @Test
  void dollarPrefixesNameTheirCurrency() {
    assertThat(only("Total C$ 1,234.56").currency()).isEqualTo("CAD");
    assertThat(only("Total A$12.00").currency()).isEqualTo("AUD");
    assertThat(only("Total NZ$12.00").currency()).isEqualTo("NZD");
    assertThat(only("Total $12.00").currency()).isEqualTo("USD");
  }

  @Test
  void indianGroupingIsOneNumber() {
    Money m = only("Total ₹1,23,456.78");
    assertThat(m.value()).isEqualByComparingTo("123456.78");
    assertThat(m.currency()).isEqualTo("INR");
  }

  @Test
  void invoiceNoIsTheInvoiceNumber() {
    assertThat(fields("INVOICE\nInvoice No. A-10293\nDate: 2026-03-01\nTotal: 100.00 EUR"))
        .containsEntry("invoiceNumber", "A-10293");
    assertThat(fields("RECHNUNG\nRechnungsnummer: 2026/0417\nGesamtbetrag 100,00 EUR"))
        .containsEntry("invoiceNumber", "2026/0417");
  }

  @Test
  void paymentDueDateIsTheDueDateNotTheDocumentDate() {
    Map<String, Object> fields = fields("INVOICE\nPayment due date: 2026-04-01\nTotal: 100.00 EUR");

    assertThat(fields).containsEntry("dueDate", "2026-04-01").doesNotContainKey("documentDate");
  }

  @Test
  void totalInclVatIsTheTotalNotTax() {
    Map<String, Object> fields =
        fields("INVOICE\nSubtotal 100.00\nVAT 19% 19.00\nTotal (incl. VAT) 119.00\n");

    assertThat(amount(fields, "total")).isEqualByComparingTo("119.00");
    assertThat(amount(fields, "tax")).isEqualByComparingTo("19.00");
  }

  @Test
  void billToHeadingTakesTheNameFromTheNextLine() {
    assertThat(fields("INVOICE\nBILL TO\nGlobex Corporation\n42 Main St\nTotal 10.00 USD"))
        .containsEntry("counterparty", "Globex Corporation");
  }

  @Test
  void singleSpaceTableCellsAreQuantityAndPriceNotAThousand() {
    assertThat(MoneyParser.find("Widget 2 100.00 200.00"))
        .extracting(Money::value)
        .containsExactly(new BigDecimal("100.00"), new BigDecimal("200.00"));
    Map<String, Object> fields =
        fields("INVOICE\nWidget 2 100.00 200.00\nSubtotal 200.00\nTotal 200.00 USD");
    assertThat(fields).containsEntry("lineItems", 1);
    assertThat(MoneyParser.find("Gesamt 1 234,56 EUR").get(0).value())
        .isEqualByComparingTo("1234.56");
  }

  @Test
  void statementLinesWithoutAYearTakeItFromThePeriod() {
    Map<String, Object> result =
        result(
            "BANK STATEMENT\nStatement period: 01/12/2026 to 31/01/2027\n"
                + "Opening balance 1,000.00\n28/12 Transfer 250.00\n05/01 Card 100.50-\n"
                + "Closing balance 1,149.50");

    assertThat(fields(result)).containsEntry("transactions", 2);
    assertThat(result.get("checks").toString()).contains("BALANCE", "DATES_IN_PERIOD");
    assertThat((List<?>) result.get("findings")).isEmpty();
  }

  @Test
  void statementLinesWithoutAYearThatDoNotAddUpAreFlagged() {
    Map<String, Object> result =
        result(
            "BANK STATEMENT\nStatement period: 01/11/2026 to 30/11/2026\n"
                + "Opening balance 1,000.00\n03/11 Transfer 250.00\n05/11 Card 100.50 DR\n"
                + "Closing balance 1,200.00");

    assertThat(result.get("findings").toString()).contains("BALANCE_MISMATCH");
  }

  @Test
  void annualReportTakesTheCurrentYearNotThePriorYearColumn() {
    Map<String, Object> fields =
        fields(
            "ANNUAL REPORT 2025\nConsolidated figures (in thousands)\n"
                + "                    2025        2024\n"
                + "Revenue          1,200.00    1,000.00\n"
                + "Net income         (35)         150\n"
                + "Total assets     5,000       4,000\n"
                + "Letter to shareholders: the board of directors thanks you.");

    assertThat(fields).containsEntry("fiscalYear", 2025);
    assertThat(amount(fields, "revenue")).isEqualByComparingTo("1200.00");
    assertThat(amount(fields, "netIncome")).isEqualByComparingTo("-35");
    assertThat(amount(fields, "totalAssets")).isEqualByComparingTo("5000");
  }

  @Test
  void priorYearFirstStillGivesTheLatestYear() {
    Map<String, Object> fields =
        fields(
            "Annual report\nFiscal year 2025\n            2024      2025\n"
                + "Revenue     900.00    1,200.00\nShareholders and dividend per share");

    assertThat(fields).containsEntry("fiscalYear", 2025);
    assertThat(amount(fields, "revenue")).isEqualByComparingTo("1200.00");
  }

  @Test
  void taxFormGivesTaxYearWagesAndTaxWithheld() {
    Map<String, Object> fields =
        fields(
            "Form W-2 Wage and Tax Statement\nTax year 2025\n"
                + "1 Wages, tips, other compensation 52,300.00\n"
                + "2 Federal income tax withheld 6,120.50\nEmployer identification number 12-3456789");

    assertThat(fields).containsEntry("taxYear", 2025);
    assertThat(amount(fields, "wages")).isEqualByComparingTo("52300.00");
    assertThat(amount(fields, "taxWithheld")).isEqualByComparingTo("6120.50");
  }

  @Test
  void nettoMwstBruttoOnOneLineGiveSubtotalTaxAndTotal() {
    Map<String, Object> fields =
        fields(
            "RECHNUNG\nRechnungsdatum: 02.12.2026\n"
                + "Netto 100,00 EUR MwSt 19% 19,00 EUR Brutto 119,00 EUR");

    assertThat(amount(fields, "subtotal")).isEqualByComparingTo("100.00");
    assertThat(amount(fields, "tax")).isEqualByComparingTo("19.00");
    assertThat(amount(fields, "total")).isEqualByComparingTo("119.00");
  }

  @Test
  void aBareAmountIsTheTotalOnlyWhereNoTotalIsLabelled() {
    assertThat(amount(fields("QUITTUNG\nDatum: 2026/12/02\nBetrag 12,50 EUR"), "total"))
        .isEqualByComparingTo("12.50");
    assertThat(
            amount(fields("RECEIPT\nDate: 2 Dec 2026\nAmount 12.50 EUR\nTotal 14.00 EUR"), "total"))
        .isEqualByComparingTo("14.00");
  }

  @Test
  void kontostandAndSaldoAreTheClosingBalance() {
    Map<String, Object> fields =
        fields(
            "KONTOAUSZUG\nZeitraum 01.11.2026 - 30.11.2026\nAnfangssaldo 100,00\n"
                + "Kontostand 150,00");

    assertThat(amount(fields, "openingBalance")).isEqualByComparingTo("100.00");
    assertThat(amount(fields, "closingBalance")).isEqualByComparingTo("150.00");
  }

  @Test
  void slashedIsoDatesAndIsoDatesWithATimeAreDates() {
    assertThat(fields("QUITTUNG\nDatum: 2026/12/02\nBetrag 12,50 EUR"))
        .containsEntry("documentDate", "2026-12-02");
    assertThat(fields("INVOICE\nInvoice date: 2026-12-02T10:15:00\nTotal 10.00 USD"))
        .containsEntry("documentDate", "2026-12-02");
  }

  @Test
  void aHeaderRowTakesItsValuesFromTheNextLine() {
    Map<String, Object> fields =
        fields(
            "INVOICE\nInvoice date     Due date      Total\n"
                + "2026-12-02       2026-12-16    USD 10.00");

    assertThat(fields).containsEntry("documentDate", "2026-12-02");
    assertThat(fields).containsEntry("dueDate", "2026-12-16");
    assertThat(amount(fields, "total")).isEqualByComparingTo("10.00");
  }

  private static final String TRADE =
      "TRADE CONFIRMATION\nTrade date: 2026-11-02\nSettlement date: 2026-11-04\n"
          + "You sold\nSecurity: Acme Holdings ordinary shares   ISIN US0378331005\n"
          + "Quantity: 1,250\nPrice: USD 12.3456\nPrincipal: USD 15,432.00\n"
          + "Commission: USD 9.95\nSEC fee: USD 0.35\nNet amount: USD %s\n";

  @Test
  void tradeConfirmationGivesSideSecurityQuantityPriceGrossFeesNet() {
    Map<String, Object> result = result(TRADE.formatted("15,421.70"));

    assertThat(result).containsEntry("type", "trade_confirmation");
    @SuppressWarnings("unchecked")
    Map<String, Object> trade = (Map<String, Object>) fields(result).get("trade");
    assertThat(trade)
        .containsEntry("side", "sell")
        .containsEntry("security", "Acme Holdings ordinary shares");
    assertThat((BigDecimal) trade.get("quantity")).isEqualByComparingTo("1250");
    assertThat(amount(trade, "gross")).isEqualByComparingTo("15432.00");
    assertThat(amount(trade, "fees")).isEqualByComparingTo("10.30");
    assertThat(amount(trade, "net")).isEqualByComparingTo("15421.70");
    assertThat(result.get("checks").toString()).contains("TRADE_AMOUNTS");
    assertThat((List<?>) result.get("findings")).isEmpty();
  }

  @Test
  void tradeWhoseNetDoesNotFollowIsFlagged() {
    Map<String, Object> result = result(TRADE.formatted("15,441.70"));

    assertThat(result.get("findings").toString()).contains("TRADE_AMOUNTS_MISMATCH");
  }

  private static Money only(String line) {
    List<Money> found = MoneyParser.find(line);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> result(String text) {
    return ResultDocument.toMap(
        new TextAnalyser()
            .analyse(new ExtractedText(ContentType.TEXT, text, 1), new AnalysisOptions(false)),
        Map.of());
  }

  private static Map<String, Object> fields(String text) {
    return fields(result(text));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Map<String, Object> result) {
    return (Map<String, Object>) result.get("fields");
  }

  @SuppressWarnings("unchecked")
  private static BigDecimal amount(Map<String, Object> fields, String name) {
    return (BigDecimal) ((Map<String, Object>) fields.get(name)).get("amount");
  }
}
