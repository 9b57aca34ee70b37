package io.findoc.batch.coordinator.metrics;

import java.time.Instant;

/**
 * One row of {@code metrics_minute}: a figure of a tenant in a minute; {@code label} is an error
 * code or empty, {@code bucket} a {@link LatencyBuckets} index or 0.
 */
record FigureKey(Instant minute, String tenant, String metric, String label, int bucket)
    implements Comparable<FigureKey> {

  @Override
  public int compareTo(FigureKey other) {
    int c = minute.compareTo(other.minute);
    if (c == 0) {
      c = tenant.compareTo(other.tenant);
    }
    if (c == 0) {
      c = metric.compareTo(other.metric);
    }
    if (c == 0) {
      c = label.compareTo(other.label);
    }
    return c != 0 ? c : Integer.compare(bucket, other.bucket);
  }
}
