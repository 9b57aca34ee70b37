package io.findoc.batch.analyzer.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV to text: detects the delimiter ({@code ,}, {@code ;} or tab), honours quotes, and writes each
 * row as one line with its cells separated by {@code " | "}, so the text analysis reads a row like
 * a line of a statement.
 */
final class CsvText {

  private static final char[] DELIMITERS = {';', '\t', ','};

  private CsvText() {}

  /**
   * The delimiter that splits the first (up to ten) non-empty lines into the same number of cells,
   * at least two each, on at least two lines; 0 if none does.
   */
  static char delimiterOf(String head) {
    List<String> lines = head.lines().filter(line -> !line.isBlank()).limit(10).toList();
    if (head.length() >= 4096 && lines.size() > 1) {
      lines = lines.subList(0, lines.size() - 1); // the last line may be cut off
    }
    if (lines.size() < 2) {
      return 0;
    }
    for (char delimiter : DELIMITERS) {
      int cells = split(lines.get(0), delimiter).size();
      if (cells < 2) {
        continue;
      }
      boolean same = lines.stream().allMatch(line -> split(line, delimiter).size() == cells);
      if (same) {
        return delimiter;
      }
    }
    return 0;
  }

  static String toText(String csv) {
    char delimiter = delimiterOf(csv.length() > 4096 ? csv.substring(0, 4096) : csv);
    if (delimiter == 0) {
      delimiter = ',';
    }
    StringBuilder out = new StringBuilder(csv.length() + csv.length() / 4);
    for (String line : (Iterable<String>) csv.lines()::iterator) {
      out.append(String.join(" | ", split(line, delimiter)).strip()).append('\n');
    }
    return out.toString();
  }

  /** The cells of one line; quotes group, doubled quotes escape. */
  static List<String> split(String line, char delimiter) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == delimiter && !quoted) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
