package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.coordinator.store.MetricsStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The history of the figures: the per-minute roll-ups from {@code from} to {@code to} summed per
 * {@code step} (whole minutes), one point per step, empty steps included.
 */
@Component
public class MetricsHistory {

  /** The most points one request may ask for. */
  public static final int MAX_POINTS = 1440;

  private final MetricsStore store;
  private final MetricsFlusher flusher;

  public MetricsHistory(MetricsStore store, MetricsFlusher flusher) {
    this.store = store;
    this.flusher = flusher;
  }

  /** The answer of {@code GET /api/batch/metrics/history}. */
  public record History(String scope, Instant from, Instant to, String step, List<Point> points) {}

  /** The figures of one step, starting at {@code at}. */
  public record Point(
      Instant at,
      long succeeded,
      long failed,
      long retried,
      double tasksPerSecond,
      double errorRate,
      Percentiles queueWait,
      Percentiles processing,
      Percentiles endToEnd) {}

  /** The history of {@code tenantId}'s jobs, or of all (null); the range is checked already. */
  public History of(String tenantId, Instant from, Instant to, Duration step) {
    flusher.flush();
    Map<Instant, List<MetricsStore.FigureRow>> bySteps = new TreeMap<>();
    for (MetricsStore.FigureRow row :
        store.sumFiguresBySteps(from, to, step.toSeconds() + " seconds", tenantId)) {
      bySteps.computeIfAbsent(row.minute(), m -> new ArrayList<>()).add(row);
    }
    List<Point> points = new ArrayList<>();
    for (Instant at = from; at.isBefore(to); at = at.plus(step)) {
      points.add(point(at, step, bySteps.getOrDefault(at, List.of())));
    }
    return new History(tenantId == null ? "all" : tenantId, from, to, step.toString(), points);
  }

  private static Point point(Instant at, Duration step, List<MetricsStore.FigureRow> rows) {
    FigureSums sums = new FigureSums(rows, at.plus(step));
    long succeeded = sums.total(Figure.SUCCEEDED, at);
    long failed = sums.total(Figure.FAILED, at);
    double perSecond = (double) (succeeded + failed) / step.toSeconds();
    return new Point(
        at,
        succeeded,
        failed,
        sums.total(Figure.RETRIED, at),
        Math.round(perSecond * 100.0) / 100.0,
        succeeded + failed == 0
            ? 0
            : Math.round(10_000.0 * failed / (succeeded + failed)) / 10_000.0,
        Percentiles.of(sums.histogram(Figure.QUEUE_WAIT, at)),
        Percentiles.of(sums.histogram(Figure.PROCESSING, at)),
        Percentiles.of(sums.histogram(Figure.END_TO_END, at)));
  }
}
