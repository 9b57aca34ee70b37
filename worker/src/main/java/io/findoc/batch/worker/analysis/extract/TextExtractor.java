package io.findoc.batch.worker.analysis.extract;

import io.findoc.batch.worker.analysis.AnalysisError;
import java.util.Locale;

/** Sniffs a document's type and extracts its text. Thread-safe. */
public final class TextExtractor {

  private final PdfText pdf;
  private final PdfMemoryBudget pdfMemory;

  /** One extractor per worker: its PDF memory budget is shared by every thread that uses it. */
  public TextExtractor(ExtractionLimits limits) {
    this.pdfMemory = new PdfMemoryBudget(limits.pdfMemoryBudgetBytes());
    this.pdf = new PdfText(limits, pdfMemory);
  }

  /** The PDF memory budget this extractor's parses share. */
  public PdfMemoryBudget pdfMemory() {
    return pdfMemory;
  }

  /**
   * The text of {@code bytes}.
   *
   * @param declaredType the content type the source gave, or null; a declared PDF that is not one
   *     fails with {@code DOC_TYPE_MISMATCH}
   */
  public ExtractedText extract(byte[] bytes, String declaredType) {
    ContentType type = ContentSniffer.sniff(bytes);
    if (declaredType != null
        && declaredType.toLowerCase(Locale.ROOT).contains("pdf")
        && type != ContentType.PDF) {
      throw AnalysisError.DOC_TYPE_MISMATCH.exception(
          "declared " + declaredType + " but the content is " + type.wireName());
    }
    return switch (type) {
      case PDF -> pdf.extract(bytes);
      case HTML -> new ExtractedText(type, HtmlText.toText(TextDecoder.decode(bytes)), 1);
      case CSV -> new ExtractedText(type, CsvText.toText(TextDecoder.decode(bytes)), 1);
      case TEXT, MT940, XML ->
          new ExtractedText(type, TextDecoder.decode(bytes).replace("\r\n", "\n"), 1);
    };
  }
}
