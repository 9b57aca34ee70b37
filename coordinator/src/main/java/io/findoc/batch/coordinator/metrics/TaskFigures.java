package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.JobInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the applied reports of a committed status batch into figures: per-minute counts and latency
 * histograms for {@code metrics_minute} ({@link MinuteFigures}), and the Micrometer meters {@code
 * findoc.tasks.finished}, {@code findoc.task.errors}, {@code findoc.task.queue.wait}, {@code
 * findoc.task.processing} and {@code findoc.task.end.to.end}. Nothing per task is stored: a batch
 * costs a few map updates and, for jobs not seen lately, one query ({@link JobDirectory}).
 */
@Component
public class TaskFigures {

  private static final Logger LOG = LoggerFactory.getLogger(TaskFigures.class);

  private final MinuteFigures figures;
  private final JobDirectory jobs;
  private final MeterRegistry meters;
  private final Counter succeeded;
  private final Counter failed;
  private final Counter retried;
  private final Timer queueWait;
  private final Timer processing;
  private final Timer endToEnd;

  public TaskFigures(MinuteFigures figures, JobDirectory jobs, MeterRegistry meters) {
    this.figures = figures;
    this.jobs = jobs;
    this.meters = meters;
    this.succeeded = finished(meters, "succeeded");
    this.failed = finished(meters, "failed");
    this.retried = finished(meters, "retried");
    this.queueWait = timer(meters, "findoc.task.queue.wait", "from dispatch to start");
    this.processing = timer(meters, "findoc.task.processing", "from start to end of an attempt");
    this.endToEnd =
        timer(meters, "findoc.task.end.to.end", "from the job's submission to the task's end");
  }

  private static Counter finished(MeterRegistry meters, String outcome) {
    return Counter.builder("findoc.tasks.finished")
        .tag("outcome", outcome)
        .description("attempts that ended: succeeded, failed for good, or failed and retried")
        .register(meters);
  }

  private static Timer timer(MeterRegistry meters, String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(meters);
  }

  /** Counts what a committed batch changed; never fails the batch. */
  public void record(AppliedAttempts applied) {
    if (applied.isEmpty()) {
      return;
    }
    try {
      Set<UUID> ids =
          applied.all().stream().map(a -> a.transition().jobId()).collect(Collectors.toSet());
      Map<UUID, JobInfo> known = jobs.find(ids);
      for (AppliedAttempts.Applied a : applied.all()) {
        JobInfo job = known.get(a.transition().jobId());
        if (job != null) {
          record(a, job);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not count the figures of a status batch; the batch itself is applied, the"
              + " metrics miss it.",
          e);
    }
  }

  private void record(AppliedAttempts.Applied a, JobInfo job) {
    StatusMessage report = a.report();
    String tenant = job.tenantId();
    Instant startedAt = report.startedAt();
    boolean wasQueued = a.transition().previousState() != TaskState.RUNNING;
    if (wasQueued && startedAt != null && a.transition().queuedAt() != null) {
      latency(
          Figure.QUEUE_WAIT, tenant, startedAt, a.transition().queuedAt(), startedAt, queueWait);
    }
    if (a.change() == AppliedAttempts.Change.STARTED) {
      return;
    }
    Instant finishedAt = report.finishedAt() == null ? Instant.now() : report.finishedAt();
    if (startedAt != null) {
      latency(Figure.PROCESSING, tenant, finishedAt, startedAt, finishedAt, processing);
    }
    switch (a.change()) {
      case SUCCEEDED -> {
        figures.add(finishedAt, tenant, Figure.SUCCEEDED, "", 0, 1);
        succeeded.increment();
      }
      case FAILED -> {
        figures.add(finishedAt, tenant, Figure.FAILED, "", 0, 1);
        failed.increment();
      }
      case RETRIED -> {
        figures.add(finishedAt, tenant, Figure.RETRIED, "", 0, 1);
        retried.increment();
      }
      default -> {}
    }
    if (a.change() == AppliedAttempts.Change.FAILED
        || a.change() == AppliedAttempts.Change.RETRIED) {
      String code = report.error() == null ? "UNSPECIFIED_FAILURE" : report.error().code();
      figures.add(finishedAt, tenant, Figure.ERRORS, code, 0, 1);
      meters.counter("findoc.task.errors", "code", code).increment();
    } else {
      latency(Figure.END_TO_END, tenant, finishedAt, job.createdAt(), finishedAt, endToEnd);
    }
    if (a.change() == AppliedAttempts.Change.FAILED) {
      latency(Figure.END_TO_END, tenant, finishedAt, job.createdAt(), finishedAt, endToEnd);
    }
  }

  private void latency(
      String metric, String tenant, Instant at, Instant from, Instant to, Timer timer) {
    long millis = Math.max(0, Duration.between(from, to).toMillis());
    figures.add(at, tenant, metric, "", LatencyBuckets.of(millis), 1);
    timer.record(Duration.ofMillis(millis));
  }
}
