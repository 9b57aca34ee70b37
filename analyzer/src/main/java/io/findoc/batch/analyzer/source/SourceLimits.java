package io.findoc.batch.analyzer.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where documents may come from and how much of them is read; built from {@code
 * findoc.worker.analysis.*}, where each is documented with its default.
 */
public record SourceLimits(
    long maxDocumentBytes,
    List<Path> fileRoots,
    List<String> allowedHosts,
    boolean allowLoopback,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects,
    Duration fetchDeadline) {

  /** The fetch deadline where none is configured. */
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  public SourceLimits(
      long maxDocumentBytes,
      List<Path> fileRoots,
      List<String> allowedHosts,
      boolean allowLoopback,
      Duration connectTimeout,
      Duration readTimeout,
      int maxRedirects) {
    this(
        maxDocumentBytes,
        fileRoots,
        allowedHosts,
        allowLoopback,
        connectTimeout,
        readTimeout,
        maxRedirects,
        DEFAULT_DEADLINE);
  }

  /**
   * Files under {@code folder} alone, each up to {@code maxDocumentBytes}, and no URL: what a run
   * over a local corpus reads.
   */
  public static SourceLimits filesUnder(Path folder, long maxDocumentBytes) {
    return new SourceLimits(
        maxDocumentBytes,
        List.of(folder),
        List.of(),
        false,
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        0);
  }
}
