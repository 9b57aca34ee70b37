package io.findoc.batch.analyzer.source;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream to its end, failing with {@code DOC_TOO_LARGE} as soon as it passes a cap. */
final class BoundedReader {

  private BoundedReader() {}

  static byte[] readAtMost(InputStream in, long maxBytes, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > maxBytes) {
        throw AnalysisError.DOC_TOO_LARGE.exception(
            what + " is larger than the cap of " + maxBytes + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
