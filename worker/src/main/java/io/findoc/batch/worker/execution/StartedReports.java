package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.config.WorkerProperties;
import io.findoc.batch.worker.reporting.StatusReporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reports {@code STARTED} for attempts that are still running after {@code
 * findoc.worker.started-report-after}, then {@code HEARTBEAT} every {@code
 * findoc.worker.heartbeat-interval} until they end, which keeps their lease at the coordinator.
 * Compensation attempts alike (their reports say {@code compensation: true}, so the coordinator
 * extends the compensation's lease). Shorter attempts report only their final status, which repeats
 * the start time: the coordinator learns the same, from one message instead of two. With a delay of
 * zero every attempt reports its start at once.
 */
@Component
public class StartedReports implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartedReports.class);

  private final StatusReporter reporter;
  private final Clock clock;
  private final String workerId;
  private final Duration delay;
  private final Duration heartbeatInterval;
  private final Map<Attempt, Started> unreported = new ConcurrentHashMap<>();
  private final Map<Attempt, Started> reported = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;

  public StartedReports(StatusReporter reporter, Clock clock, WorkerProperties properties) {
    this.reporter = reporter;
    this.clock = clock;
    this.workerId = properties.worker().id();
    this.delay = properties.worker().reporting().startedReportAfter();
    this.heartbeatInterval = properties.worker().reporting().heartbeatInterval();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "started-reports");
              thread.setDaemon(true);
              return thread;
            });
    // Often enough for the shorter of the two delays (half of it), with a floor against spinning.
    long shorter = delay.isZero() ? heartbeatInterval.toMillis() : delay.toMillis();
    long period = Math.max(10, Math.min(shorter, heartbeatInterval.toMillis()) / 2);
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * A task's attempt, or its compensation's attempt: the two count their attempts apart, so a
   * redelivered task attempt and the compensation attempt of the same number are different.
   */
  private record Attempt(UUID job, int number, int attempt, boolean compensation) {
    static Attempt of(TaskMessage task) {
      return new Attempt(
          task.jobId().value(), task.taskNumber(), task.attempt(), task.compensation());
    }
  }

  /** An attempt's start, and when its last report (started or heartbeat) went out. */
  private record Started(TaskMessage task, Instant at, Instant lastReport) {}

  /** An attempt started now. */
  void started(TaskMessage task, Instant startedAt) {
    if (delay.isZero()) {
      send(StatusMessage.started(task, workerId, startedAt));
      reported.put(Attempt.of(task), new Started(task, startedAt, startedAt));
    } else {
      unreported.put(Attempt.of(task), new Started(task, startedAt, null));
    }
  }

  /** The attempt ended; it needs no start report or heartbeat any more. */
  void ended(TaskMessage task) {
    Attempt attempt = Attempt.of(task);
    unreported.remove(attempt);
    reported.remove(attempt);
  }

  private void sweep() {
    try {
      Instant now = clock.instant();
      Instant due = now.minus(delay);
      unreported.forEach(
          (attempt, started) -> {
            if (started.at().isBefore(due) && unreported.remove(attempt, started)) {
              send(StatusMessage.started(started.task(), workerId, started.at()));
              reported.put(attempt, new Started(started.task(), started.at(), now));
            }
          });
      Instant heartbeatDue = now.minus(heartbeatInterval);
      reported.forEach(
          (attempt, started) -> {
            if (started.lastReport().isBefore(heartbeatDue)
                && reported.replace(
                    attempt, started, new Started(started.task(), started.at(), now))) {
              send(StatusMessage.heartbeat(started.task(), workerId, started.at(), now));
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("Could not report running attempts; trying again at the next sweep.", e);
    }
  }

  private void send(StatusMessage report) {
    reporter.send(report, reporter.encode(report));
  }

  @Override
  public void destroy() {
    sweeper.shutdownNow();
  }
}
