package io.findoc.batch.loadtests.evaluate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document of the held-out corpus before it is drawn: a title, header fields, an optional table,
 * totals, and the truth of what it states.
 *
 * @param consistent whether its figures add up (totals, balances)
 * @param truth the expected value of each scored field it states; a scored field absent here must
 *     not be reported
 */
record HeldOutDocument(
    String type,
    String title,
    List<Pair> header,
    Table table,
    List<Pair> totals,
    boolean consistent,
    Map<String, String> truth) {

  record Pair(String label, String value) {}

  /**
   * @param numericFrom the first column holding numbers (right-aligned)
   */
  record Table(List<String> headings, List<List<String>> rows, int numericFrom) {}

  /** The page, drawn in {@code layout}. */
  byte[] render(Layout layout, boolean serif) throws IOException {
    try (PdfCanvas c = new PdfCanvas(serif)) {
      c.text(PdfCanvas.LEFT, c.bold, 16, title);
      c.down(30);
      pairs(c, layout, header, false);
      c.down(10);
      if (table != null) {
        table(c);
        c.down(10);
      }
      pairs(c, layout, totals, true);
      return c.finish();
    }
  }

  /** How label and value stand to each other. */
  enum Layout {
    /** Label, then the value further right on the same line. */
    BESIDE,
    /** A small label, the value on the line below. */
    ABOVE,
    /** A ruled grid: the labels as a header row, the values in the row under it. */
    TABLE,
    /** Label-value pairs in two columns side by side. */
    TWO_COLUMNS
  }

  private static void pairs(PdfCanvas c, Layout layout, List<Pair> pairs, boolean right)
      throws IOException {
    if (pairs.isEmpty()) {
      return;
    }
    switch (layout) {
      case BESIDE -> {
        for (Pair p : pairs) {
          if (right) {
            c.text(300, c.regular, 10, p.label());
            c.textRight(PdfCanvas.RIGHT, c.bold, 10, p.value());
          } else {
            c.text(PdfCanvas.LEFT, c.regular, 10, p.label() + ":");
            c.text(PdfCanvas.LEFT + 170, c.regular, 10, p.value());
          }
          c.down(15);
        }
      }
      case ABOVE -> {
        float x = right ? 330 : PdfCanvas.LEFT;
        for (Pair p : pairs) {
          c.text(x, c.regular, 7.5f, p.label().toUpperCase(java.util.Locale.ROOT));
          c.down(11);
          c.text(x, c.bold, 10.5f, p.value());
          c.down(17);
        }
      }
      case TABLE -> {
        float width = (PdfCanvas.RIGHT - PdfCanvas.LEFT) / pairs.size();
        for (int i = 0; i < pairs.size(); i++) {
          float x = PdfCanvas.LEFT + i * width;
          c.frame(x, x + width, 14);
          c.text(x + 3, c.bold, 8.5f, pairs.get(i).label());
        }
        c.down(14);
        for (int i = 0; i < pairs.size(); i++) {
          float x = PdfCanvas.LEFT + i * width;
          c.frame(x, x + width, 14);
          c.text(x + 3, c.regular, 9.5f, pairs.get(i).value());
        }
        c.down(20);
      }
      case TWO_COLUMNS -> {
        int half = (pairs.size() + 1) / 2;
        for (int i = 0; i < half; i++) {
          Pair left = pairs.get(i);
          c.text(PdfCanvas.LEFT, c.regular, 9.5f, left.label());
          c.text(PdfCanvas.LEFT + 125, c.bold, 9.5f, left.value());
          if (i + half < pairs.size()) {
            Pair second = pairs.get(i + half);
            c.text(305, c.regular, 9.5f, second.label());
            c.textRight(PdfCanvas.RIGHT, c.bold, 9.5f, second.value());
          }
          c.down(15);
        }
      }
    }
  }

  private void table(PdfCanvas c) throws IOException {
    int n = table.headings().size();
    List<Float> rights = new ArrayList<>();
    float numericWidth = 80;
    for (int i = 0; i < n; i++) {
      rights.add(PdfCanvas.RIGHT - (n - 1 - i) * numericWidth);
    }
    for (int i = 0; i < n; i++) {
      drawCell(c, i, rights, c.bold, 9, table.headings().get(i));
    }
    c.rule(PdfCanvas.LEFT, PdfCanvas.RIGHT);
    c.down(16);
    for (List<String> row : table.rows()) {
      for (int i = 0; i < n; i++) {
        drawCell(c, i, rights, c.regular, 9, row.get(i));
      }
      c.down(14);
    }
    c.rule(PdfCanvas.LEFT, PdfCanvas.RIGHT);
    c.down(12);
  }

  private void drawCell(
      PdfCanvas c,
      int i,
      List<Float> rights,
      org.apache.pdfbox.pdmodel.font.PDType1Font font,
      float size,
      String text)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    if (i == 0) {
      c.text(PdfCanvas.LEFT, font, size, text);
    } else if (i < table.numericFrom()) {
      c.text(PdfCanvas.LEFT + 75 * i, font, size, text);
    } else {
      c.textRight(rights.get(i), font, size, text);
    }
  }
}
