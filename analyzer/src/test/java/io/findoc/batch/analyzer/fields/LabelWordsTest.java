package io.findoc.batch.analyzer.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Labels read word by word: abbreviations, word order and the kinds of word decide the field. */
class LabelWordsTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      textBlock =
          """
          # Balance abbreviations give opening and closing.
          Bal. b/fwd,                  OPENING_BALANCE
          Balance at start of month,   OPENING_BALANCE
          Bal c/f,                     CLOSING_BALANCE
          Ledger balance at month end, CLOSING_BALANCE
          # Tax words with excluding or including are subtotal or total.
          Sum excl. sales tax,         SUBTOTAL
          Goods value before GST,      SUBTOTAL
          Grand total incl. HST,       TOTAL
          HST 13%,                     TAX
          GST reg. no.,                NOT_A_FIELD
          # When something is due is a due date, and what is due a total.
          Kindly remit by,             DUE_DATE
          Payable on or before,        DUE_DATE
          Value date,                  DUE_DATE
          Amount outstanding,          TOTAL
          Net proceeds,                NET_AMOUNT
          # References, parties and dates.
          Our bill ref.,               INVOICE_NUMBER
          Invoiced to,                 COUNTERPARTY
          Client ID,                   NOT_A_FIELD
          Execution day,               DOCUMENT_DATE
          Generated on,                DOCUMENT_DATE
          Brokerage fees,              NOT_A_FIELD
          """)
  void labelsAreReadWordByWord(String label, Field field) {
    assertThat(LabelWords.classify(label)).isEqualTo(field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Card payment",
        "Transfer from savings",
        "Northwind Traders Ltd",
        "one two three four five six seven eight nine total"
      })
  void descriptionsAndNamesAreNoLabels(String text) {
    assertThat(LabelWords.classify(text)).isNull();
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
