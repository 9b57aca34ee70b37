package io.findoc.batch.analyzer.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels read word by word: abbreviations, word order and the kinds of word decide the field. */
class LabelWordsTest {

  @Test
  void balanceAbbreviationsGiveOpeningAndClosing() {
    assertThat(LabelWords.classify("Bal. b/fwd")).isEqualTo(Field.OPENING_BALANCE);
    assertThat(LabelWords.classify("Balance at start of month")).isEqualTo(Field.OPENING_BALANCE);
    assertThat(LabelWords.classify("Bal c/f")).isEqualTo(Field.CLOSING_BALANCE);
    assertThat(LabelWords.classify("Ledger balance at month end")).isEqualTo(Field.CLOSING_BALANCE);
  }

  @Test
  void taxWordsWithExcludingOrIncludingAreSubtotalOrTotal() {
    assertThat(LabelWords.classify("Sum excl. sales tax")).isEqualTo(Field.SUBTOTAL);
    assertThat(LabelWords.classify("Goods value before GST")).isEqualTo(Field.SUBTOTAL);
    assertThat(LabelWords.classify("Grand total incl. HST")).isEqualTo(Field.TOTAL);
    assertThat(LabelWords.classify("HST 13%")).isEqualTo(Field.TAX);
    assertThat(LabelWords.classify("GST reg. no.")).isEqualTo(Field.NOT_A_FIELD);
  }

  @Test
  void whenSomethingIsDueIsADueDateAndWhatIsDueATotal() {
    assertThat(LabelWords.classify("Kindly remit by")).isEqualTo(Field.DUE_DATE);
    assertThat(LabelWords.classify("Payable on or before")).isEqualTo(Field.DUE_DATE);
    assertThat(LabelWords.classify("Value date")).isEqualTo(Field.DUE_DATE);
    assertThat(LabelWords.classify("Amount outstanding")).isEqualTo(Field.TOTAL);
    assertThat(LabelWords.classify("Net proceeds")).isEqualTo(Field.NET_AMOUNT);
  }

  @Test
  void referencesPartiesAndDates() {
    assertThat(LabelWords.classify("Our bill ref.")).isEqualTo(Field.INVOICE_NUMBER);
    assertThat(LabelWords.classify("Invoiced to")).isEqualTo(Field.COUNTERPARTY);
    assertThat(LabelWords.classify("Client ID")).isEqualTo(Field.NOT_A_FIELD);
    assertThat(LabelWords.classify("Execution day")).isEqualTo(Field.DOCUMENT_DATE);
    assertThat(LabelWords.classify("Generated on")).isEqualTo(Field.DOCUMENT_DATE);
    assertThat(LabelWords.classify("Brokerage fees")).isEqualTo(Field.NOT_A_FIELD);
  }

  @Test
  void descriptionsAndNamesAreNoLabels() {
    assertThat(LabelWords.classify("Card payment")).isNull();
    assertThat(LabelWords.classify("Transfer from savings")).isNull();
    assertThat(LabelWords.classify("Northwind Traders Ltd")).isNull();
    assertThat(LabelWords.classify("one two three four five six seven eight nine total")).isNull();
  }

  @Test
  void aCellEndsAtAValueAndItsLabelAtItsLastLabelWord() {
    String line = "Our bill ref. Q-1001   Invoiced to Northwind Traders";
    List<Labels.Found> found = LabelWords.find(line, Labels.find(line), List.of(), List.of());

    assertThat(found)
        .extracting(Labels.Found::field)
        .containsExactly(Field.INVOICE_NUMBER, Field.COUNTERPARTY);
    assertThat(line.substring(found.get(1).start(), found.get(1).end())).isEqualTo("Invoiced to");
  }
}
