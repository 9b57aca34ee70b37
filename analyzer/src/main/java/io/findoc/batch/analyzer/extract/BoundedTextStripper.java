package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A text stripper that stops with {@code PDF_TOO_LARGE} after a number of content operators: a
 * small PDF whose content streams inflate to hundreds of megabytes of operators that draw no text
 * would otherwise keep a processor thread busy for minutes. Content streams are decoded as they are
 * read, so the count also bounds the bytes inflated. Every 4096 operators it stops if the attempt
 * was stopped ({@link AttemptInterruption}).
 *
 * <p>It keeps the layout the plain text would lose: where two words of a line stand further apart
 * than {@link #CELL_GAP_EMS} times their font size (a table cell, a value placed right of its label
 * in its own text object, the second of two columns), it writes {@link #CELL_BREAK} between them,
 * the run of spaces the field reader takes for a column break, instead of the single space PDFBox
 * would write. Words of one sentence stay one space apart.
 */
final class BoundedTextStripper extends PDFTextStripper {

  /** A gap wider than this many ems between two words of a line is a column break. */
  static final float CELL_GAP_EMS = 0.9f;

  /** What stands for a column break in the text: three spaces (with the word separator's one). */
  static final String CELL_BREAK = "   ";

  private final long maxOperators;
  private long operators;

  /** Where the line's last word ended (x, in user space units), or NaN at a line's start. */
  private float lastEnd = Float.NaN;

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

  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    if (!positions.isEmpty()) {
      TextPosition first = positions.get(0);
      TextPosition last = positions.get(positions.size() - 1);
      float em = Math.max(1f, first.getFontSizeInPt());
      if (!Float.isNaN(lastEnd) && first.getXDirAdj() - lastEnd > CELL_GAP_EMS * em) {
        // the word separator's space is written already: two more make the column break
        output.write(CELL_BREAK, 0, CELL_BREAK.length() - 1);
      }
      lastEnd = last.getXDirAdj() + last.getWidthDirAdj();
    }
    super.writeString(text, positions);
  }

  @Override
  protected void writeLineSeparator() throws IOException {
    lastEnd = Float.NaN;
    super.writeLineSeparator();
  }

  @Override
  protected void writePageStart() throws IOException {
    lastEnd = Float.NaN;
    super.writePageStart();
  }
}
