package io.findoc.batch.worker.analysis.extract;

import io.findoc.batch.worker.analysis.AnalysisError;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A text stripper that stops with {@code PDF_TOO_LARGE} after a number of content operators: a
 * small PDF whose content streams inflate to hundreds of megabytes of operators that draw no text
 * would otherwise keep a processor thread busy for minutes. Content streams are decoded as they are
 * read, so the count also bounds the bytes inflated. Every 4096 operators it stops if the attempt
 * was stopped ({@link AttemptInterruption}).
 */
final class BoundedTextStripper extends PDFTextStripper {

  private final long maxOperators;
  private long operators;

  BoundedTextStripper(long maxOperators) {
    this.maxOperators = maxOperators;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    if ((++operators & 0xfff) == 0) {
      AttemptInterruption.check();
    }
    if (operators > maxOperators) {
      throw AnalysisError.PDF_TOO_LARGE.exception(
          "the PDF's content has more than " + maxOperators + " operators");
    }
    super.processOperator(operator, operands);
  }
}
