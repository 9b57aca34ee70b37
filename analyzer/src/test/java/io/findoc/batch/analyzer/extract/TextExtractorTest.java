package io.findoc.batch.analyzer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.corpus.PdfPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

  private final TextExtractor extractor =
      new TextExtractor(new ExtractionLimits(20, 16L * 1024 * 1024, 200_000));

  @Test
  void typeComesFromTheContentNotTheName() {
    assertThat(ContentSniffer.sniff(PdfPages.write(List.of("x")))).isEqualTo(ContentType.PDF);
    assertThat(ContentSniffer.sniff(bytes("<!DOCTYPE html><html><body>x</body></html>")))
        .isEqualTo(ContentType.HTML);
    assertThat(
            ContentSniffer.sniff(bytes("date;text;amount\n2024-01-01;a;1,00\n2024-01-02;b;2,00\n")))
        .isEqualTo(ContentType.CSV);
    assertThat(ContentSniffer.sniff(bytes("Invoice\nTotal: 1,234.56\nThanks, see you\n")))
        .isEqualTo(ContentType.TEXT);
    assertThatThrownBy(() -> ContentSniffer.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}))
        .satisfies(e -> assertCode(e, "DOC_TYPE_UNSUPPORTED"));
  }

  @Test
  void pdfTextIsExtracted() {
    ExtractedText text =
        extractor.extract(PdfPages.write(List.of("INVOICE", "Total: € 12,50")), null);

    assertThat(text.contentType()).isEqualTo(ContentType.PDF);
    assertThat(text.text()).contains("INVOICE").contains("Total: € 12,50");
    assertThat(text.pages()).isEqualTo(1);
  }

  @Test
  void htmlBecomesVisibleTextWithCellsSeparated() {
    String html =
        "<html><head><title>t</title><script>var x='Total 9.99';</script></head><body>"
            + "<h1>Receipt</h1><table><tr><td>Total</td><td>&euro;&nbsp;12,50</td></tr></table>"
            + "<!-- hidden 1.00 --></body></html>";

    String text = extractor.extract(bytes(html), "text/html").text();

    assertThat(text).contains("Receipt").contains("Total | € 12,50").doesNotContain("9.99", "1.00");
  }

  @Test
  void passwordProtectedPdfFailsAsEncrypted() throws IOException {
    byte[] pdf;
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.protect(new StandardProtectionPolicy("owner", "secret", new AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      pdf = out.toByteArray();
    }

    assertThatThrownBy(() -> extractor.extract(pdf, null))
        .satisfies(e -> assertCode(e, "PDF_ENCRYPTED"));
  }

  @Test
  void pdfWithoutATextLayerFailsAsImageOnly() throws IOException {
    byte[] pdf;
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
          new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
        content.addRect(50, 50, 400, 600); // a drawing, as a scan's image stands: no text
        content.fill();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      pdf = out.toByteArray();
    }

    assertThatThrownBy(() -> extractor.extract(pdf, null))
        .satisfies(e -> assertCode(e, "DOC_IMAGE_ONLY"));
  }

  @Test
  void truncatedOrFakePdfFailsAsCorrupt() {
    byte[] pdf = PdfPages.write(List.of("hello"));

    assertThatThrownBy(() -> extractor.extract(Arrays.copyOf(pdf, 60), null))
        .satisfies(e -> assertCode(e, "PDF_CORRUPT"));
    assertThatThrownBy(() -> extractor.extract(bytes("%PDF-1.7\nthis is not a pdf at all"), null))
        .satisfies(e -> assertCode(e, "PDF_CORRUPT"));
  }

  @Test
  void textClaimedToBePdfIsATypeMismatch() {
    assertThatThrownBy(() -> extractor.extract(bytes("just text"), "application/pdf"))
        .satisfies(e -> assertCode(e, "DOC_TYPE_MISMATCH"));
  }

  @Test
  void pdfWithMorePagesThanTheCapFails() {
    byte[] pdf = PdfPages.write(Collections.nCopies(61 * 21, "line"));

    assertThatThrownBy(() -> extractor.extract(pdf, null))
        .satisfies(e -> assertCode(e, "PDF_TOO_MANY_PAGES"));
  }

  @Test
  void decompressionBombFailsAsTooLargeWithoutExhaustingTheHeap() throws IOException {
    byte[] pdf = bomb(64L * 1024 * 1024);
    assertThat(pdf.length).isLessThan(2 * 1024 * 1024);

    assertThatThrownBy(() -> extractor.extract(pdf, null))
        .satisfies(e -> assertCode(e, "PDF_TOO_LARGE"));
  }

  /** A one-page PDF whose content stream inflates to {@code inflated} bytes of text operators. */
  static byte[] bomb(long inflated) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] chunk =
        "BT /F1 9 Tf (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) Tj ET\n"
            .repeat(1000)
            .getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new DeflaterOutputStream(compressed)) {
      for (long written = 0; written < inflated; written += chunk.length) {
        out.write(chunk);
      }
    }
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      COSStream stream = document.getDocument().createCOSStream();
      try (OutputStream raw = stream.createRawOutputStream()) {
        raw.write(compressed.toByteArray());
      }
      stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
      page.setContents(new PDStream(stream));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void assertCode(Throwable e, String code) {
    assertThat(e).isInstanceOf(AnalysisException.class);
    assertThat(((AnalysisException) e).code()).as(e.getMessage()).isEqualTo(code);
  }
}
