package io.findoc.batch.corpus;

import java.util.List;
import java.util.Map;

/**
 * One generated document before it is written.
 *
 * @param lines the text, one entry a line (for CSV, cells already joined by the delimiter)
 * @param csv whether the lines are CSV
 * @param truth the expected values of the fields that apply to the type, null where the document
 *     does not state one: dates ISO, amounts plain decimals ({@code 1234.56}), currency ISO codes
 */
record GeneratedDocument(
    String template, String type, List<String> lines, boolean csv, Map<String, String> truth) {}
