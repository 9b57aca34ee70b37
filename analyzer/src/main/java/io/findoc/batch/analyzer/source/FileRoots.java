package io.findoc.batch.analyzer.source;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The folders {@code file://} documents may come from. A path is allowed only if, with every
 * symbolic link resolved, it lies inside one of them; paths with {@code ..} segments or with
 * percent-encoded dots, slashes, backslashes or NUL are refused before the file system is asked, so
 * no encoding trick reaches it.
 */
final class FileRoots {

  private static final List<String> ENCODED_TRICKS = List.of("%2e", "%2f", "%5c", "%00", "%25");

  private final List<Path> roots;

  /** Roots that do not exist are ignored (they can hold nothing). */
  FileRoots(List<Path> roots) {
    this.roots =
        roots.stream()
            .filter(Files::isDirectory)
            .map(
                root -> {
                  try {
                    return root.toRealPath();
                  } catch (IOException e) {
                    return null;
                  }
                })
            .filter(root -> root != null)
            .toList();
  }

  /** The real path of the regular file {@code uri} names, if allowed. */
  Path resolve(URI uri) {
    String raw = uri.getRawPath();
    if (raw == null || raw.isEmpty()) {
      throw notAllowed(uri, "it has no path");
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    for (String trick : ENCODED_TRICKS) {
      if (lower.contains(trick)) {
        throw notAllowed(uri, "it has an encoded '" + trick + "'");
      }
    }
    if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase("localhost")) {
      throw notAllowed(uri, "it names a remote host");
    }
    if (raw.contains("\\")) {
      throw notAllowed(uri, "it has a backslash");
    }
    Path path = Path.of(uri.getPath());
    for (Path name : path) {
      if (name.toString().equals("..") || name.toString().equals(".")) {
        throw notAllowed(uri, "it has a relative segment");
      }
    }
    if (roots.isEmpty()) {
      throw notAllowed(uri, "no file roots are configured (findoc.worker.analysis.file-roots)");
    }
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException e) {
      // Only admit that a file is missing when the place asked about is inside a root.
      if (roots.stream().anyMatch(root -> path.normalize().startsWith(root))) {
        throw AnalysisError.DOC_NOT_FOUND.exception("no file at " + uri);
      }
      throw notAllowed(uri, "it is outside the file roots");
    } catch (IOException e) {
      throw notAllowed(uri, "it cannot be resolved: " + e.getMessage());
    }
    if (roots.stream().noneMatch(real::startsWith)) {
      throw notAllowed(uri, "it is outside the file roots");
    }
    if (!Files.isRegularFile(real)) {
      throw notAllowed(uri, "it is not a regular file");
    }
    return real;
  }

  private static RuntimeException notAllowed(URI uri, String why) {
    return AnalysisError.DOC_PATH_NOT_ALLOWED.exception("file " + uri + " is not allowed: " + why);
  }
}
