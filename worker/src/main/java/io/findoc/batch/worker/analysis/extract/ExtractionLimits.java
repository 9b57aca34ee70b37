package io.findoc.batch.worker.analysis.extract;

/**
 * Caps on what one document may cost to read; built from {@code findoc.worker.analysis.*}, where
 * each is documented with its default.
 *
 * @param maxPdfPages PDFs with more pages fail with {@code PDF_TOO_MANY_PAGES}
 * @param maxPdfMemoryBytes the memory PDFBox may use for its stream cache
 * @param maxTextChars text beyond this fails the document: {@code PDF_TOO_LARGE} for PDF, the
 *     others are cut at the document size cap already
 */
public record ExtractionLimits(int maxPdfPages, long maxPdfMemoryBytes, int maxTextChars) {

  /**
   * Content operators one PDF may run: twice the text cap, at least a million; real documents,
   * vector charts included, stay well below.
   */
  public long maxPdfOperators() {
    return Math.max(1_000_000L, 2L * maxTextChars);
  }
}
