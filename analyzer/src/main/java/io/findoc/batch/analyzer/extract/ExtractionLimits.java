package io.findoc.batch.analyzer.extract;

/**
 * Caps on what one document may cost to read; built from {@code findoc.worker.analysis.*}, where
 * each is documented with its default.
 *
 * @param maxPdfPages PDFs with more pages fail with {@code PDF_TOO_MANY_PAGES}
 * @param maxPdfMemoryBytes the memory PDFBox may use for one document's stream cache
 * @param maxTextChars text beyond this fails the document: {@code PDF_TOO_LARGE} for PDF, {@code
 *     DOC_TEXT_TOO_LARGE} for text, CSV and HTML
 * @param pdfMemoryBudgetBytes the stream-cache memory all PDF parses of the worker share (the
 *     {@link PdfMemoryBudget}); at least {@code maxPdfMemoryBytes}
 */
public record ExtractionLimits(
    int maxPdfPages, long maxPdfMemoryBytes, int maxTextChars, long pdfMemoryBudgetBytes) {

  public ExtractionLimits {
    if (pdfMemoryBudgetBytes < maxPdfMemoryBytes) {
      throw new IllegalArgumentException(
          "the shared PDF memory budget ("
              + pdfMemoryBudgetBytes
              + " bytes) must be at least one document's cap ("
              + maxPdfMemoryBytes
              + " bytes)");
    }
  }

  /** Limits for one document at a time: the shared budget is one document's cap. */
  public ExtractionLimits(int maxPdfPages, long maxPdfMemoryBytes, int maxTextChars) {
    this(maxPdfPages, maxPdfMemoryBytes, maxTextChars, maxPdfMemoryBytes);
  }

  /**
   * Content operators one PDF may run: twice the text cap, at least a million; real documents,
   * vector charts included, stay well below.
   */
  public long maxPdfOperators() {
    return Math.max(1_000_000L, 2L * maxTextChars);
  }
}
