package io.findoc.batch.corpus;

import java.util.ArrayList;
import java.util.List;

/** Lines of a generated document, with columns padded the way printed documents align them. */
final class Layout {

  final List<String> lines = new ArrayList<>();

  Layout line(String text) {
    lines.add(text);
    return this;
  }

  Layout blank() {
    lines.add("");
    return this;
  }

  /** Columns left-aligned at the given widths, the last right-aligned to its width. */
  Layout columns(int[] widths, String... cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      if (i == cells.length - 1) {
        line.append(" ".repeat(Math.max(1, widths[i] - cell.length()))).append(cell);
      } else {
        line.append(cell).append(" ".repeat(Math.max(2, widths[i] - cell.length())));
      }
    }
    lines.add(line.toString());
    return this;
  }

  /** A label on the left and a value right-aligned at column {@code width}. */
  Layout pair(String label, String value, int width) {
    lines.add(label + " ".repeat(Math.max(2, width - label.length() - value.length())) + value);
    return this;
  }
}
