package io.findoc.batch.loadtests.evaluate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * One A4 page drawn with PDFBox's content API in proportional fonts: each piece of text its own
 * text object at its own position, right-aligned numbers, ruled tables, as office software writes
 * them. Not thread-safe.
 */
final class PdfCanvas implements AutoCloseable {

  static final float LEFT = 56;
  static final float RIGHT = 540;

  final PDType1Font regular;
  final PDType1Font bold;
  private final PDDocument document = new PDDocument();
  private final PDPageContentStream content;
  private float y = 780;

  PdfCanvas(boolean serif) throws IOException {
    regular =
        new PDType1Font(
            serif ? Standard14Fonts.FontName.TIMES_ROMAN : Standard14Fonts.FontName.HELVETICA);
    bold =
        new PDType1Font(
            serif ? Standard14Fonts.FontName.TIMES_BOLD : Standard14Fonts.FontName.HELVETICA_BOLD);
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
  }

  float y() {
    return y;
  }

  void down(float points) {
    y -= points;
  }

  void text(float x, PDType1Font font, float size, String text) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }

  void textRight(float right, PDType1Font font, float size, String text) throws IOException {
    text(right - width(font, size, text), font, size, text);
  }

  float width(PDType1Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** A horizontal rule under the current line. */
  void rule(float from, float to) throws IOException {
    content.setLineWidth(0.5f);
    content.moveTo(from, y - 4);
    content.lineTo(to, y - 4);
    content.stroke();
  }

  /** A cell's frame around the current line. */
  void frame(float from, float to, float height) throws IOException {
    content.setLineWidth(0.5f);
    content.addRect(from, y - 4, to - from, height);
    content.stroke();
  }

  byte[] finish() throws IOException {
    content.close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    document.close();
  }
}
