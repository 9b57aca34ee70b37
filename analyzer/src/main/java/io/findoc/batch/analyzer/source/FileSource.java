package io.findoc.batch.analyzer.source;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code file://} documents from inside the {@link FileRoots}, up to a byte cap. */
final class FileSource {

  private final FileRoots roots;
  private final long maxBytes;

  FileSource(FileRoots roots, long maxBytes) {
    this.roots = roots;
    this.maxBytes = maxBytes;
  }

  DocumentBytes read(URI uri) throws IOException {
    Path path = roots.resolve(uri);
    if (Files.size(path) > maxBytes) {
      throw AnalysisError.DOC_TOO_LARGE.exception(
          "file " + uri + " is larger than the cap of " + maxBytes + " bytes");
    }
    // The size may grow between the look and the read: the read is bounded too.
    try (InputStream in = Files.newInputStream(path)) {
      return new DocumentBytes(BoundedReader.readAtMost(in, maxBytes, "file " + uri), null, "file");
    }
  }
}
