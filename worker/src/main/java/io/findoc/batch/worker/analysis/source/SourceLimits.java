package io.findoc.batch.worker.analysis.source;

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
    int maxRedirects) {}
