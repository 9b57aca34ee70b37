package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.coordinator.store.MetricsStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of per-minute figures over a window ending now. Counters are weighted: the oldest minute
 * counts for the part of it inside the window, so a one-minute rate read at 12:00:20 covers
 * 11:59:20 to 12:00:20 (a fifth of 11:59 and all of 12:00 so far).
 */
final class FigureSums {

  private final List<MetricsStore.FigureRow> rows;
  private final Instant now;

  FigureSums(List<MetricsStore.FigureRow> rows, Instant now) {
    this.rows = rows;
    this.now = now;
  }

  /** The first minute a window of {@code length} ending now touches. */
  static Instant windowStart(Instant now, Duration length) {
    return now.minus(length).truncatedTo(ChronoUnit.MINUTES);
  }

  /** The weighted count of {@code metric} in the window of {@code length} ending now. */
  double count(String metric, Duration length) {
    Instant from = now.minus(length);
    double sum = 0;
    for (MetricsStore.FigureRow row : rows) {
      if (!row.metric().equals(metric)) {
        continue;
      }
      Instant end = row.minute().plus(1, ChronoUnit.MINUTES);
      if (!end.isAfter(from)) {
        continue;
      }
      double inside =
          row.minute().isBefore(from) ? Duration.between(from, end).toMillis() / 60_000.0 : 1.0;
      sum += inside * row.value();
    }
    return sum;
  }

  /** Per second over the window of {@code length}. */
  double rate(String metric, Duration length) {
    return count(metric, length) / length.toSeconds();
  }

  /** Counts of {@code metric} by label over the minutes since {@code from}. */
  Map<String, Long> byLabel(String metric, Instant from) {
    Map<String, Long> counts = new TreeMap<>();
    for (MetricsStore.FigureRow row : rows) {
      if (row.metric().equals(metric) && !row.minute().isBefore(from)) {
        counts.merge(row.label(), row.value(), Long::sum);
      }
    }
    return counts;
  }

  /** The total of {@code metric} over the minutes since {@code from}. */
  long total(String metric, Instant from) {
    return byLabel(metric, from).values().stream().mapToLong(Long::longValue).sum();
  }

  /** The summed histogram of {@code metric} over the minutes since {@code from}. */
  long[] histogram(String metric, Instant from) {
    long[] counts = new long[LatencyBuckets.COUNT];
    for (MetricsStore.FigureRow row : rows) {
      if (row.metric().equals(metric) && !row.minute().isBefore(from)) {
        counts[Math.min(Math.max(row.bucket(), 0), LatencyBuckets.COUNT - 1)] += row.value();
      }
    }
    return counts;
  }
}
