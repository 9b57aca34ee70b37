package io.findoc.batch.coordinator.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Latency percentiles in milliseconds, read from summed {@link LatencyBuckets} histograms; null
 * where nothing was measured.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Percentiles(long count, Double p50Ms, Double p95Ms, Double p99Ms) {

  static Percentiles of(long[] histogram) {
    long count = 0;
    for (long c : histogram) {
      count += c;
    }
    return new Percentiles(
        count,
        round(LatencyBuckets.quantile(histogram, 0.50)),
        round(LatencyBuckets.quantile(histogram, 0.95)),
        round(LatencyBuckets.quantile(histogram, 0.99)));
  }

  private static Double round(Double millis) {
    return millis == null ? null : Math.round(millis * 10.0) / 10.0;
  }
}
