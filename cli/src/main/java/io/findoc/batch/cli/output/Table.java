package io.findoc.batch.cli.output;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A text table: columns as wide as their widest cell, two spaces apart. */
final class Table {

  private Table() {}

  static String of(List<Column> columns, JsonNode items) {
    List<String[]> rows = new ArrayList<>();
    rows.add(columns.stream().map(Column::header).toArray(String[]::new));
    items.forEach(
        item -> rows.add(columns.stream().map(c -> c.cell().apply(item)).toArray(String[]::new)));
    int[] widths = new int[columns.size()];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
