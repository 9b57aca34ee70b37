package io.findoc.batch.analyzer.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.analyzer.classify.DocumentType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Layouts of documents written by others, in the text the PDF reader makes of them (a column break
 * is three spaces): labels in a header row over their values, labels above values, two columns, and
 * fields found by their role where no label names them.
 */
class LayoutFormsTest {

  private final FieldExtractor extractor = new FieldExtractor();

  @Test
  void aHeaderRowOfCellsGivesEachLabelTheValueBelowIt() {
    FieldExtractor.TextFields read =
        extractor.read(
            "SALES INVOICE\n"
                + "Our bill ref.   Generated on   Kindly remit by   Invoiced to\n"
                + "Q-1001   2026-03-02   2026-04-01   Northwind Traders\n"
                + "Goods value before GST   GST 10%   Amount outstanding\n"
                + "AUD 100.00   AUD 10.00   AUD 110.00\n",
            DocumentType.INVOICE);

    assertThat(read.details().invoiceNumber()).isEqualTo("Q-1001");
    assertThat(read.fields().documentDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(read.fields().dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(read.fields().counterparty()).isEqualTo("Northwind Traders");
    assertThat(read.fields().subtotal().value()).isEqualByComparingTo("100.00");
    assertThat(read.fields().tax().value()).isEqualByComparingTo("10.00");
    assertThat(read.fields().total().value()).isEqualByComparingTo("110.00");
  }

  @Test
  void aCellThatRanOverIntoTheNextPairsByPlace() {
    FieldExtractor.TextFields read =
        extractor.read(
            "CONTRACT NOTE\nExecution day   Value date   Instrument   Units\n"
                + "2026-05-04   2026-05-06   Contoso plc ord.12\n",
            DocumentType.TRADE_CONFIRMATION);

    assertThat(read.fields().documentDate()).isEqualTo(LocalDate.of(2026, 5, 4));
    assertThat(read.fields().dueDate()).isEqualTo(LocalDate.of(2026, 5, 6));
  }

  @Test
  void labelsAboveValuesAndInTwoColumns() {
    DocumentFields above =
        statement(
            "ACCOUNT SUMMARY\nBAL. B/FWD\nGBP 1,000.00\nLEDGER BALANCE AT MONTH END\n"
                + "GBP 1,150.00\n");
    DocumentFields columns =
        invoice("SALES INVOICE\nInvoiced to Northwind Traders   Kindly remit by   2026-04-01\n");

    assertThat(above.openingBalance().value()).isEqualByComparingTo("1000.00");
    assertThat(above.closingBalance().value()).isEqualByComparingTo("1150.00");
    assertThat(columns.counterparty()).isEqualTo("Northwind Traders");
    assertThat(columns.dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void theLastAmountIsTheTotalWhereNoLabelNamesItIfItIsTheLargest() {
    DocumentFields largest =
        tradeConfirmation(
            "CONTRACT NOTE\nUnits 10   Price 12.50\nCommission 5.00\nYou owe us   130.00\n");
    DocumentFields notLargest =
        tradeConfirmation("CONTRACT NOTE\nUnits 10   Price 120.50\nCommission 5.00\nRebate 2.00\n");

    assertThat(largest.total().value()).isEqualByComparingTo("130.00");
    assertThat(notLargest.total()).isNull();
  }

  @Test
  void datesByRoleTheLaterOneIsDueAndPeriodBoundsAreNotTheStatementDate() {
    DocumentFields invoice =
        invoice("SALES INVOICE\nIssued 2026-03-02\nQ-1001\nSettle 2026-04-01\nTotal 10.00\n");
    DocumentFields statement =
        statement(
            "ACCOUNT SUMMARY\nProduced   Covering\n" + "2026-07-02   2026-06-01 to 2026-06-30\n");
    DocumentFields twoLater =
        invoice("SALES INVOICE\n2026-03-02\nDelivered 2026-03-10\nSettle 2026-04-01\n");

    assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(statement.periodStart()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(statement.documentDate()).isEqualTo(LocalDate.of(2026, 7, 2));
    assertThat(twoLater.dueDate()).isNull();
  }

  @Test
  void subtotalAndTaxByArithmeticWhereTheirLabelsAreUnknown() {
    DocumentFields invoice =
        invoice(
            "SALES INVOICE\nWidget   2   25.00   50.00\nGadget   1   50.00   50.00\n"
                + "Goods   100.00\nLevy (7%)   7.00\nYou owe us   107.00\n");
    DocumentFields receipt =
        receipt(
            "TILL RECEIPT\n2 x Coffee 2.50 5.00\n1 x Cake 3.40 3.40\nTotal   8.40\n"
                + "of it at 20%   1.40\n");

    assertThat(invoice.subtotal().value()).isEqualByComparingTo("100.00");
    assertThat(invoice.tax().value()).isEqualByComparingTo("7.00");
    assertThat(invoice.total().value()).isEqualByComparingTo("107.00");
    assertThat(receipt.subtotal()).as("items that sum to the total include the tax").isNull();
    assertThat(receipt.tax().value()).isEqualByComparingTo("1.40");
  }

  @Test
  void anInvoicesFirstReferenceAboveTheAmountsIsItsNumber() {
    FieldExtractor.TextFields read =
        extractor.read(
            "SALES INVOICE 2026\nYours sincerely\nQ-2026/118\n2026-03-02\nTotal 10.00\n",
            DocumentType.INVOICE);

    assertThat(read.details().invoiceNumber()).isEqualTo("Q-2026/118");
  }

  @Test
  void aStatementsTwoAmountsOutsideItsEntriesAreOpeningThenClosing() {
    DocumentFields statement =
        statement(
            "ACCOUNT SUMMARY\nCovering 2026-06-01 to 2026-06-30\n"
                + "2026-06-03   Salary   2,000.00\n2026-06-05   Rent   750.00\n"
                + "At the start   500.00\nAt the close   1,750.00\n");
    DocumentFields three =
        statement(
            "ACCOUNT SUMMARY\n2026-06-03   Salary   2,000.00\n"
                + "First   500.00\nSecond   2,500.00\nOverdraft limit   1,000.00\n");

    assertThat(statement.openingBalance().value()).isEqualByComparingTo("500.00");
    assertThat(statement.closingBalance().value()).isEqualByComparingTo("1750.00");
    assertThat(three.openingBalance()).isNull();
    assertThat(three.closingBalance()).isNull();
  }

  @Test
  void aRateBesideALabelAboveItsAmountStillLeavesTheLabelAlone() {
    DocumentFields invoice =
        invoice("SALES INVOICE\nSUBTOTAL\nUSD 200.00\nHST (13%)\n26.00 USD\nTOTAL\nUSD 226.00\n");

    assertThat(invoice.tax().value()).isEqualByComparingTo("26.00");
    assertThat(invoice.total().value()).isEqualByComparingTo("226.00");
  }

  @Test
  void aReceiptsItemsSumIsItsTotalAndTheRateUnderALabelItsTax() {
    DocumentFields receipt =
        receipt(
            "TILL RECEIPT\n2 x Coffee 2.50 5.00\n1 x Cake 3.40 3.40\nTo settle\nGBP 8.40\n"
                + "Of it at 20%\n1.40 GBP\n");

    assertThat(receipt.total().value()).isEqualByComparingTo("8.40");
    assertThat(receipt.subtotal()).isNull();
    assertThat(receipt.tax().value()).isEqualByComparingTo("1.40");
  }

  private DocumentFields invoice(String text) {
    return extractor.extract(text, DocumentType.INVOICE);
  }

  private DocumentFields statement(String text) {
    return extractor.extract(text, DocumentType.BANK_STATEMENT);
  }

  private DocumentFields receipt(String text) {
    return extractor.extract(text, DocumentType.RECEIPT);
  }

  private DocumentFields tradeConfirmation(String text) {
    return extractor.extract(text, DocumentType.TRADE_CONFIRMATION);
  }
}
