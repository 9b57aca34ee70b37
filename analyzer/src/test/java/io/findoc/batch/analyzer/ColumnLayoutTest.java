package io.findoc.batch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.analyzer.extract.ContentType;
import io.findoc.batch.analyzer.extract.ExtractedText;
import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * Documents laid out in columns: the PDF text keeps a column break where words stand apart, and a
 * statement whose credits and debits stand in columns the text does not tell apart is still
 * checked, by whether some choice of signs takes its opening balance to its closing one.
 */
class ColumnLayoutTest {

  private static final String STATEMENT =
      "ACCOUNT SUMMARY\nCovering 2026-06-01 to 2026-06-30\n"
          + "Day   Details   Money in   Money out\n"
          + "2026-06-03   Salary ACME   2,000.00\n"
          + "2026-06-05   Rent June   750.00\n"
          + "2026-06-09   Groceries   120.40\n"
          + "Bal. b/fwd   500.00\nBal. c/f   %s\n";

  @Test
  void wordsFarApartOnALineAreSeparatedByAColumnBreak() throws IOException {
    String text =
        new TextExtractor(new ExtractionLimits(10, 8L * 1024 * 1024, 100_000))
            .extract(pdf(), null)
            .text();

    assertThat(text).contains("Kindly remit by:   2026-04-01");
    assertThat(text).contains("Northwind Traders Ltd");
  }

  @Test
  void unsignedEntriesThatSomeSignsReconcileAreChecked() {
    Map<String, Object> result = result(STATEMENT.formatted("1,629.60"));

    assertThat(result.get("checks").toString()).contains("BALANCE");
    assertThat((List<?>) result.get("findings")).isEmpty();
  }

  @Test
  void unsignedEntriesThatNoSignsReconcileAreFlagged() {
    Map<String, Object> result = result(STATEMENT.formatted("1,654.60"));

    assertThat(result.get("findings").toString()).contains("BALANCE_MISMATCH", "error");
  }

  @Test
  void receiptPricesIncludingTaxAddUpToTheTotal() {
    Map<String, Object> result =
        result(
            "TILL RECEIPT\n2026-06-03\n2 x Coffee 2.50 5.00\n1 x Cake 3.40 3.40\n"
                + "Total 8.40\nVAT 20% included 1.40\n");

    assertThat(result.get("checks").toString()).contains("LINE_ITEMS");
    assertThat((List<?>) result.get("findings")).isEmpty();
  }

  @Test
  void aDocumentNoKeywordClassifiesIsTypedByItsShape() {
    assertThat(
            result(
                    "Corner Deli\n2026-06-03\nCoffee   2   2.50   5.00\nCake   1   3.40   3.40\n"
                        + "GBP 8.40\n")
                .get("type"))
        .isEqualTo("receipt");
    assertThat(
            result("Acme Holdings ord. US0378331005\n2026-05-04\n100 at 12.50\nGBP 1,250.00\n")
                .get("type"))
        .isEqualTo("trade_confirmation");
    assertThat(result("Dear Sir or Madam,\nthank you for your letter.\n").get("type"))
        .isEqualTo("other");
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        text(content, font, 56, 700, "Kindly remit by:");
        text(content, font, 226, 700, "2026-04-01");
        text(content, font, 56, 680, "Northwind");
        text(content, font, 104, 680, "Traders Ltd");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static void text(
      PDPageContentStream content, PDType1Font font, float x, float y, String s)
      throws IOException {
    content.beginText();
    content.setFont(font, 10);
    content.newLineAtOffset(x, y);
    content.showText(s);
    content.endText();
  }

  private static Map<String, Object> result(String text) {
    return ResultDocument.toMap(
        new TextAnalyser()
            .analyse(new ExtractedText(ContentType.TEXT, text, 1), new AnalysisOptions(false)),
        Map.of());
  }
}
