package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Measures what a PDF's streams inflate to before PDFBox decodes them for real. PDFBox 3 decodes a
 * stream whole into a heap buffer (not into the capped stream cache), so a few kilobytes of Flate
 * data can ask for gigabytes. Here each stream other than an image is run through its filters into
 * a counting sink that stops at the per-document cap: a stream that would inflate past it fails the
 * document with {@code PDF_TOO_LARGE} before any of it is held.
 */
final class StreamInflation {

  private StreamInflation() {}

  /**
   * The size of the largest decoded stream of {@code document}.
   *
   * @throws io.findoc.batch.analyzer.AnalysisException {@code PDF_TOO_LARGE} if one stream inflates
   *     to more than {@code maxBytes}
   */
  static long largestStream(COSDocument document, long maxBytes) throws IOException {
    long largest = 0;
    for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
      AttemptInterruption.check();
      COSObject object = document.getObjectFromPool(key);
      COSBase base = object == null ? null : object.getObject();
      if (base instanceof COSStream stream && !isImage(stream)) {
        largest = Math.max(largest, decodedSize(stream, maxBytes));
      }
    }
    return largest;
  }

  private static boolean isImage(COSStream stream) {
    return COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
  }

  private static long decodedSize(COSStream stream, long maxBytes) throws IOException {
    List<Filter> filters = filtersOf(stream);
    if (filters.isEmpty()) {
      return stream.getLength();
    }
    // Every stage but the last is kept (at most maxBytes); the last is only counted.
    InputStream input = stream.createRawInputStream();
    try {
      for (int i = 0; i < filters.size() - 1; i++) {
        ByteArrayOutputStream stage = new ByteArrayOutputStream();
        filters.get(i).decode(input, new CountingSink(stage, maxBytes), stream, i);
        input.close();
        input = new ByteArrayInputStream(stage.toByteArray());
      }
      CountingSink last = new CountingSink(OutputStream.nullOutputStream(), maxBytes);
      filters.get(filters.size() - 1).decode(input, last, stream, filters.size() - 1);
      return last.count;
    } finally {
      input.close();
    }
  }

  private static List<Filter> filtersOf(COSStream stream) throws IOException {
    COSBase filters = stream.getFilters();
    List<Filter> list = new ArrayList<>();
    if (filters instanceof COSName name) {
      list.add(FilterFactory.INSTANCE.getFilter(name));
    } else if (filters instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSName name) {
          list.add(FilterFactory.INSTANCE.getFilter(name));
        }
      }
    }
    return list;
  }

  /** Counts the bytes written and fails the document once they pass the cap. */
  private static final class CountingSink extends OutputStream {

    private final OutputStream out;
    private final long maxBytes;
    private long count;

    CountingSink(OutputStream out, long maxBytes) {
      this.out = out;
      this.maxBytes = maxBytes;
    }

    @Override
    public void write(int b) throws IOException {
      add(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      add(len);
      out.write(b, off, len);
    }

    private void add(long bytes) {
      AttemptInterruption.check();
      count += bytes;
      if (count > maxBytes) {
        throw AnalysisError.PDF_TOO_LARGE.exception(
            "a stream of the PDF inflates to more than " + maxBytes + " bytes");
      }
    }
  }
}
