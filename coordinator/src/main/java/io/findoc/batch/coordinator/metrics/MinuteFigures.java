package io.findoc.batch.coordinator.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What this coordinator counted since its last write to {@code metrics_minute}: additive figures
 * per minute, tenant, figure, label and bucket. The {@link MetricsFlusher} takes them out and adds
 * them to the table; what it could not write it puts back.
 */
@Component
public class MinuteFigures {

  private Map<FigureKey, Long> pending = new HashMap<>();

  /** Adds {@code value} to a figure of the minute of {@code at}. */
  public synchronized void add(
      Instant at, String tenant, String metric, String label, int bucket, long value) {
    FigureKey key =
        new FigureKey(at.truncatedTo(ChronoUnit.MINUTES), tenant, metric, label, bucket);
    pending.merge(key, value, Long::sum);
  }

  /** Takes out everything counted so far. */
  synchronized Map<FigureKey, Long> takeAll() {
    Map<FigureKey, Long> taken = pending;
    pending = new HashMap<>();
    return taken;
  }

  /** Puts back figures that could not be written. */
  synchronized void putBack(Map<FigureKey, Long> figures) {
    figures.forEach((key, value) -> pending.merge(key, value, Long::sum));
  }
}
