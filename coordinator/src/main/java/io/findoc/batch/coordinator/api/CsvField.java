package io.findoc.batch.coordinator.api;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, and prefixed with an
 * apostrophe when it starts like a spreadsheet formula, so an error message cannot run as one.
 */
final class CsvField {

  private CsvField() {}

  static String of(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
