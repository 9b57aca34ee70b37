package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import java.util.Locale;

/** Sniffs a document's type and extracts its text. Thread-safe. */
public final class TextExtractor {

  private final PdfText pdf;
  private final PdfMemoryBudget pdfMemory;
  private final int maxTextChars;

  /** One extractor per worker: its PDF memory budget is shared by every thread that uses it. */
  public TextExtractor(ExtractionLimits limits) {
    this.pdfMemory = new PdfMemoryBudget(limits.pdfMemoryBudgetBytes());
    this.pdf = new PdfText(limits, pdfMemory);
    this.maxTextChars = limits.maxTextChars();
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
    if (type == ContentType.PDF) {
      return pdf.extract(bytes);
    }
    String decoded = capped(type, TextDecoder.decode(bytes));
    AttemptInterruption.check();
    String text =
        switch (type) {
          case HTML -> HtmlText.toText(decoded);
          case CSV -> CsvText.toText(decoded);
          default -> decoded.replace("\r\n", "\n");
        };
    // A CSV of empty cells grows by its separators: the cap holds for what is analysed, too.
    return new ExtractedText(type, capped(type, text), 1);
  }

  private String capped(ContentType type, String text) {
    if (text.length() > maxTextChars) {
      throw AnalysisError.DOC_TEXT_TOO_LARGE.exception(
          "the "
              + type.wireName()
              + " document has "
              + text.length()
              + " characters, more than the cap of "
              + maxTextChars);
    }
    return text;
  }
}
