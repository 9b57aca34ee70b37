package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.message.WorkerHeartbeat;
import io.findoc.batch.coordinator.progress.JobEstimate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code GET /api/batch/metrics} answers; {@code scope} is {@code all} for the platform admin,
 * otherwise the tenant whose jobs every job figure covers. Consumer lag and workers are the
 * platform's, the same for every caller.
 */
public record MetricsSnapshot(
    String scope,
    Instant at,
    Throughput throughput,
    Latency latency,
    Errors errors,
    Map<String, Backlog> backlog,
    Map<String, Long> jobsByState,
    List<WorkerHeartbeat> workers,
    Sla sla) {

  /** Tasks finished (succeeded or failed for good) per second over the last 1, 5 and 15 minutes. */
  public record Throughput(double last1m, double last5m, double last15m) {}

  /** Latency percentiles over {@code window}. */
  public record Latency(
      String window, Percentiles queueWait, Percentiles processing, Percentiles endToEnd) {}

  /**
   * Over {@code window}: tasks that succeeded and failed for good, attempts that failed and were
   * retried, the share of finished tasks that failed, and failed attempts by error code.
   */
  public record Errors(
      String window,
      long succeeded,
      long failed,
      long retried,
      double errorRate,
      Map<String, Long> byCode) {}

  /**
   * Of a priority: tasks not yet handed to Kafka, handed over and not started, and the consumer lag
   * of its topic (null if the broker did not answer).
   */
  public record Backlog(long notDispatched, long queued, Long consumerLag) {}

  /**
   * Jobs with a deadline: finished by it, finished late or overdue, the share met of those decided,
   * and the unfinished ones at risk (or overdue).
   */
  public record Sla(long met, long missed, long pending, Double compliance, List<AtRisk> atRisk) {}

  /** An unfinished job that at its rate finishes after its deadline, or is past it. */
  public record AtRisk(UUID jobId, String name, JobEstimate progress) {}
}
