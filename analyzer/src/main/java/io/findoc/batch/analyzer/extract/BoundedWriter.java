package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.Writer;

/**
 * Collects extracted text and fails with {@code PDF_TOO_LARGE} once it passes a cap: a small PDF
 * whose streams inflate to gigabytes of text stops here instead of filling the heap.
 */
final class BoundedWriter extends Writer {

  private final StringBuilder text = new StringBuilder();
  private final int maxChars;

  BoundedWriter(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    if (text.length() + length > maxChars) {
      throw AnalysisError.PDF_TOO_LARGE.exception(
          "the PDF yields more than " + maxChars + " characters of text");
    }
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    if (text.length() + length > maxChars) {
      throw AnalysisError.PDF_TOO_LARGE.exception(
          "the PDF yields more than " + maxChars + " characters of text");
    }
    text.append(s, offset, offset + length);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
