package io.findoc.batch.cli.submit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a file reaches the workers: by {@code file://} reference when it lies under a folder the
 * workers read too (a file root), else inline, base64 in the body.
 */
public final class DocumentSending {

  /** The largest file sent inline: the API takes strings up to 1 MiB, base64 grows by 4/3. */
  public static final long MAX_INLINE_BYTES = 768 * 1024;

  private final List<Path> roots;

  public DocumentSending(List<Path> roots) {
    this.roots = roots.stream().map(DocumentSending::real).toList();
  }

  /** Whether the document goes inline (manifest entries keep the source they name). */
  public boolean inline(LocalDocument document) {
    if (document.file() == null) {
      return false;
    }
    Path file = real(document.file());
    return roots.stream().noneMatch(file::startsWith);
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
