package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import io.findoc.batch.analyzer.AnalysisException;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF text with PDFBox 3, within the {@link ExtractionLimits}: the stream cache is main memory with
 * a maximum; every stream's decoded size is measured first ({@link StreamInflation}), one past the
 * per-document cap fails the document, and the largest is reserved from the {@link PdfMemoryBudget}
 * all parses share while the text is read; the page count is checked before any page is read, and
 * the text is collected in a {@link BoundedWriter}. Password-protected PDFs fail with {@code
 * PDF_ENCRYPTED}, ones the parser cannot repair with {@code PDF_CORRUPT}.
 */
final class PdfText {

  private static final byte[] EOF_MARKER =
      "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final ExtractionLimits limits;
  private final PdfMemoryBudget budget;

  PdfText(ExtractionLimits limits, PdfMemoryBudget budget) {
    this.limits = limits;
    this.budget = budget;
  }

  ExtractedText extract(byte[] bytes) {
    if (!hasEndMarker(bytes)) {
      // PDFBox would rebuild what it can of a cut-off file and return part of the text: a
      // half-downloaded statement must not pass for a whole one.
      throw AnalysisError.PDF_CORRUPT.exception("the PDF is truncated: it has no %%EOF marker");
    }
    try (PDDocument document =
        Loader.loadPDF(
            new RandomAccessReadBuffer(bytes),
            "",
            null,
            null,
            MemoryUsageSetting.setupMainMemoryOnly(limits.maxPdfMemoryBytes()).streamCache)) {
      AttemptInterruption.check();
      int pages = document.getNumberOfPages();
      if (pages == 0) {
        throw AnalysisError.PDF_CORRUPT.exception("the PDF has no pages");
      }
      if (pages > limits.maxPdfPages()) {
        throw AnalysisError.PDF_TOO_MANY_PAGES.exception(
            "the PDF has " + pages + " pages, more than the cap of " + limits.maxPdfPages());
      }
      // PDFBox holds one decoded stream at a time on top of the document's bytes: that is what
      // this parse takes from the memory all parses share, until the document is closed.
      long decoded =
          StreamInflation.largestStream(document.getDocument(), limits.maxPdfMemoryBytes());
      budget.reserve(decoded);
      String embedded;
      BoundedWriter text = new BoundedWriter(limits.maxTextChars());
      try {
        PDFTextStripper stripper = new BoundedTextStripper(limits.maxPdfOperators());
        stripper.setSortByPosition(true);
        stripper.writeText(document, text);
        embedded = EmbeddedInvoice.find(document, limits.maxTextChars());
      } finally {
        budget.release(decoded);
      }
      if (embedded == null && text.toString().isBlank()) {
        throw AnalysisError.DOC_IMAGE_ONLY.exception(
            "the PDF has no text layer (a scan or images only): text recognition is not done");
      }
      return new ExtractedText(ContentType.PDF, text.toString(), pages, embedded);
    } catch (InvalidPasswordException e) {
      throw AnalysisError.PDF_ENCRYPTED.exception("the PDF is protected by a password");
    } catch (AnalysisException | java.util.concurrent.CancellationException e) {
      throw e;
    } catch (IOException e) {
      throw classify(e);
    } catch (OutOfMemoryError e) {
      throw AnalysisError.PDF_TOO_LARGE.exception("the PDF needs more memory than the worker has");
    } catch (RuntimeException | StackOverflowError e) {
      // PDFBox throws unchecked exceptions on some malformed structures (bad casts, deep nesting).
      throw AnalysisError.PDF_CORRUPT.exception(
          "the PDF cannot be parsed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Whether {@code %%EOF} stands in the last 2 KiB, as it does at the end of every whole PDF. */
  private static boolean hasEndMarker(byte[] bytes) {
    int from = Math.max(0, bytes.length - 2048);
    byte[] tail = java.util.Arrays.copyOfRange(bytes, from, bytes.length);
    return ContentSniffer.indexOf(tail, EOF_MARKER, tail.length) >= 0;
  }

  private static AnalysisException classify(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Maximum allowed scratch file memory exceeded")
        || message.contains("Maximum buffer size reached")) {
      return AnalysisError.PDF_TOO_LARGE.exception(
          "the PDF needs more memory than the cap: " + message);
    }
    return AnalysisError.PDF_CORRUPT.exception("the PDF cannot be parsed: " + message);
  }
}
