package io.findoc.batch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.analyzer.checks.Finding;
import io.findoc.batch.analyzer.classify.DocumentType;
import io.findoc.batch.analyzer.extract.ContentType;
import io.findoc.batch.analyzer.extract.ExtractedText;
import io.findoc.batch.analyzer.result.Analysis;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The analysis of whole texts: type, fields and checks together. */
class TextAnalyserTest {

  private final TextAnalyser analyser = new TextAnalyser();

  private Analysis analyse(String text) {
    return analyser.analyse(
        new ExtractedText(ContentType.TEXT, text, 1), new AnalysisOptions(true));
  }

  @Test
  void englishInvoiceGivesItsFieldsAndPassesItsChecks() {
    Analysis a =
        analyse(
            """
            ACME Supplies Ltd
            INVOICE
            Invoice number: INV-2024-0042
            Invoice date: March 15, 2024
            Due date: April 14, 2024
            Bill to: Globex Corporation
            Description            Qty   Unit price    Amount
            Paper A4               10    $4.50         $45.00
            Toner                  2     $80.00        $160.00
            Subtotal                                   $205.00
            Sales tax (8%)                             $16.40
            Total due                                  $221.40
            """);

    assertThat(a.classification().type()).isEqualTo(DocumentType.INVOICE);
    assertThat(a.fields().documentDate()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(a.fields().dueDate()).isEqualTo(LocalDate.of(2024, 4, 14));
    assertThat(a.fields().counterparty()).isEqualTo("Globex Corporation");
    assertThat(a.fields().currency()).isEqualTo("USD");
    assertThat(a.fields().subtotal().value()).isEqualByComparingTo("205.00");
    assertThat(a.fields().tax().value()).isEqualByComparingTo("16.40");
    assertThat(a.fields().total().value()).isEqualByComparingTo("221.40");
    assertThat(a.fields().lineItems()).hasSize(2);
    assertThat(a.checks().checked()).contains("LINE_ITEMS", "SUBTOTAL_TAX");
    assertThat(a.checks().findings()).isEmpty();
  }

  @Test
  void germanInvoiceWhoseTotalDoesNotAddUpGetsAFinding() {
    Analysis a =
        analyse(
            """
            Rechnung
            Rechnungsnummer: 2024-17
            Rechnungsdatum: 02.04.2024
            Nettobetrag: 1.000,00 €
            MwSt. 19 %: 190,00 €
            Gesamtbetrag: 1.200,00 €
            """);

    assertThat(a.classification().type()).isEqualTo(DocumentType.INVOICE);
    assertThat(a.fields().documentDate()).isEqualTo(LocalDate.of(2024, 4, 2));
    assertThat(a.fields().currency()).isEqualTo("EUR");
    assertThat(a.checks().findings())
        .extracting(Finding::code)
        .containsExactly("SUBTOTAL_TAX_MISMATCH");
    assertThat(a.checks().findings().get(0).figures()).containsKeys("subtotal", "tax", "total");
  }

  @Test
  void frenchStatementWithRunningBalanceChecksItsArithmeticAndPeriod() {
    Analysis a =
        analyse(
            """
            Relevé de compte
            Période du 01/03/2024 au 31/03/2024
            IBAN FR14 2004 1010 0505 0001 3M02 606
            Solde initial                      1 000,00 EUR
            02/03/2024  Virement salaire       2 500,00     3 500,00
            05/03/2024  Loyer                    900,00     2 600,00
            02/04/2024  Carte restaurant          45,50     2 554,50
            Nouveau solde                      2 554,50 EUR
            """);

    assertThat(a.classification().type()).isEqualTo(DocumentType.BANK_STATEMENT);
    assertThat(a.fields().periodStart()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(a.fields().periodEnd()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(a.fields().openingBalance().value()).isEqualByComparingTo("1000.00");
    assertThat(a.fields().closingBalance().value()).isEqualByComparingTo("2554.50");
    assertThat(a.fields().transactions()).hasSize(3).allMatch(t -> t.signKnown());
    assertThat(a.checks().checked()).contains("BALANCE", "DATES_IN_PERIOD");
    assertThat(a.checks().findings())
        .extracting(Finding::code)
        .containsExactly("DATE_OUTSIDE_PERIOD");
    assertThat(a.identifiers()).anyMatch(id -> id.kind().equals("IBAN") && id.valid());
  }

  @Test
  void statementWhoseBalancesDoNotAddUpGetsAFinding() {
    Analysis a =
        analyse(
            """
            Bank Statement
            Statement period: 2024-01-01 to 2024-01-31
            Opening balance: 100.00
            2024-01-03 Deposit 50.00
            2024-01-09 Card purchase -20.00
            Closing balance: 140.00
            """);

    assertThat(a.checks().findings()).extracting(Finding::code).containsExactly("BALANCE_MISMATCH");
  }

  @Test
  void textWithoutFinancialVocabularyIsOther() {
    Analysis a = analyse("Dear Sam,\nsee you on Tuesday for lunch.\nBest, Alex\n");

    assertThat(a.classification().type()).isEqualTo(DocumentType.OTHER);
  }

  @Test
  void tradeConfirmationNetAmountIsItsTotal() {
    Analysis a =
        analyse(
            """
            TRADE CONFIRMATION
            Trade date: 2024-05-02    Settlement date: 2024-05-06
            Bought 100 shares Apple Inc. ISIN US0378331005
            Price USD 170.00
            Commission USD 5.00
            Net amount USD 17,005.00
            """);

    assertThat(a.classification().type()).isEqualTo(DocumentType.TRADE_CONFIRMATION);
    assertThat(a.fields().documentDate()).isEqualTo(LocalDate.of(2024, 5, 2));
    assertThat(a.fields().total().value()).isEqualByComparingTo("17005.00");
  }
}
