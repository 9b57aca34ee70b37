package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.progress.DeadlineStatus;
import io.findoc.batch.coordinator.progress.JobEstimate;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.MetricsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Builds the metrics API's answer from the per-minute figures (written by every coordinator; this
 * one writes its own first), the job table, the consumer lag and the workers' heartbeats.
 */
@Component
public class MetricsReporter {

  private static final Duration ONE = Duration.ofMinutes(1);
  private static final Duration FIVE = Duration.ofMinutes(5);
  private static final Duration FIFTEEN = Duration.ofMinutes(15);
  private static final int AT_RISK_LOOKED_AT = 200;

  private final MetricsStore store;
  private final MetricsFlusher flusher;
  private final ConsumerLag lag;
  private final WorkerDirectory workers;
  private final Clock clock;
  private final Duration latencyWindow;

  public MetricsReporter(
      MetricsStore store,
      MetricsFlusher flusher,
      ConsumerLag lag,
      WorkerDirectory workers,
      Clock clock,
      CoordinatorProperties properties) {
    this.store = store;
    this.flusher = flusher;
    this.lag = lag;
    this.workers = workers;
    this.clock = clock;
    this.latencyWindow = properties.metrics().latencyWindow();
  }

  /** The figures of {@code tenantId}'s jobs, or of all (null). */
  public MetricsSnapshot snapshot(String tenantId) {
    flusher.flush();
    Instant now = clock.instant();
    Duration longest = latencyWindow.compareTo(FIFTEEN) > 0 ? latencyWindow : FIFTEEN;
    FigureSums sums =
        new FigureSums(
            store.sumFigures(FigureSums.windowStart(now, longest), now.plusSeconds(60), tenantId),
            now);
    Instant latencyFrom = FigureSums.windowStart(now, latencyWindow);
    MetricsSnapshot.Throughput throughput =
        new MetricsSnapshot.Throughput(
            finished(sums, ONE), finished(sums, FIVE), finished(sums, FIFTEEN));
    MetricsSnapshot.Latency latency =
        new MetricsSnapshot.Latency(
            latencyWindow.toString(),
            Percentiles.of(sums.histogram(Figure.QUEUE_WAIT, latencyFrom)),
            Percentiles.of(sums.histogram(Figure.PROCESSING, latencyFrom)),
            Percentiles.of(sums.histogram(Figure.END_TO_END, latencyFrom)));
    long succeeded = sums.total(Figure.SUCCEEDED, latencyFrom);
    long failed = sums.total(Figure.FAILED, latencyFrom);
    MetricsSnapshot.Errors errors =
        new MetricsSnapshot.Errors(
            latencyWindow.toString(),
            succeeded,
            failed,
            sums.total(Figure.RETRIED, latencyFrom),
            succeeded + failed == 0 ? 0 : round4((double) failed / (succeeded + failed)),
            sums.byLabel(Figure.ERRORS, latencyFrom));
    return new MetricsSnapshot(
        tenantId == null ? "all" : tenantId,
        now,
        throughput,
        latency,
        errors,
        backlog(tenantId),
        jobsByState(tenantId),
        workers.live(),
        sla(tenantId, now));
  }

  private static double finished(FigureSums sums, Duration window) {
    return round4(sums.rate(Figure.SUCCEEDED, window) + sums.rate(Figure.FAILED, window));
  }

  private Map<String, MetricsSnapshot.Backlog> backlog(String tenantId) {
    Map<String, MetricsStore.Backlog> counts = new TreeMap<>();
    store.countBacklog(tenantId).forEach(b -> counts.put(b.priority(), b));
    Map<Priority, Long> lags = lag.byPriority();
    Map<String, MetricsSnapshot.Backlog> backlog = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      MetricsStore.Backlog b = counts.get(priority.wireName());
      backlog.put(
          priority.wireName(),
          new MetricsSnapshot.Backlog(
              b == null ? 0 : b.notDispatched(), b == null ? 0 : b.queued(), lags.get(priority)));
    }
    return backlog;
  }

  private Map<String, Long> jobsByState(String tenantId) {
    Map<String, Long> states = new TreeMap<>();
    store.countJobsByState(tenantId).forEach(c -> states.put(c.state(), c.jobs()));
    return states;
  }

  private MetricsSnapshot.Sla sla(String tenantId, Instant now) {
    MetricsStore.Deadlines deadlines = store.countDeadlines(tenantId);
    long missed = deadlines.missed() + deadlines.overdue();
    long decided = deadlines.met() + missed;
    List<MetricsSnapshot.AtRisk> atRisk = new ArrayList<>();
    for (JobRow job : store.findUnfinishedWithDeadline(tenantId, AT_RISK_LOOKED_AT)) {
      JobEstimate estimate = JobEstimate.of(job, now);
      if (estimate.deadlineStatus() == DeadlineStatus.AT_RISK
          || estimate.deadlineStatus() == DeadlineStatus.MISSED) {
        atRisk.add(new MetricsSnapshot.AtRisk(job.id(), job.name(), estimate));
      }
    }
    return new MetricsSnapshot.Sla(
        deadlines.met(),
        missed,
        deadlines.pending(),
        decided == 0 ? null : round4((double) deadlines.met() / decided),
        atRisk);
  }

  private static double round4(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}
