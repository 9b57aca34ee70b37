package io.findoc.batch.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes lines of text as a PDF with PDFBox, in a monospaced standard font (so columns stay
 * columns), 60 lines a page. Characters the font's WinAnsi encoding lacks become {@code ?}.
 */
public final class PdfPages {

  private static final int LINES_PER_PAGE = 60;
  private static final float FONT_SIZE = 9;
  private static final float LEADING = 12;

  private PdfPages() {}

  public static byte[] write(List<String> lines) {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
      for (int from = 0; from < Math.max(1, lines.size()); from += LINES_PER_PAGE) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, FONT_SIZE);
          content.setLeading(LEADING);
          content.newLineAtOffset(40, PDRectangle.A4.getHeight() - 50);
          for (String line : lines.subList(from, Math.min(lines.size(), from + LINES_PER_PAGE))) {
            content.showText(encodable(font, line));
            content.newLine();
          }
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encodable(PDType1Font font, String line) {
    StringBuilder out = new StringBuilder(line.length());
    line.codePoints()
        .forEach(
            c -> {
              String s = Character.toString(c);
              try {
                font.encode(s);
                out.append(s);
              } catch (IOException | IllegalArgumentException e) {
                out.append('?');
              }
            });
    return out.toString();
  }
}
