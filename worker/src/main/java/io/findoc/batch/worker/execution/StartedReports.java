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
 * findoc.worker.started-report-after}. Shorter attempts report only their final status, which
 * repeats the start time: the coordinator learns the same, from one message instead of two. With a
 * delay of zero every attempt reports its start at once.
 */
@Component
public class StartedReports implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartedReports.class);

  private final StatusReporter reporter;
  private final Clock clock;
  private final String workerId;
  private final Duration delay;
  private final Map<Attempt, Started> unreported = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;

  public StartedReports(StatusReporter reporter, Clock clock, WorkerProperties properties) {
    this.reporter = reporter;
    this.clock = clock;
    this.workerId = properties.worker().id();
    this.delay = properties.worker().startedReportAfter();
    if (delay.isZero()) {
      sweeper = null;
    } else {
      sweeper =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "started-reports");
                thread.setDaemon(true);
                return thread;
              });
      long period = Math.max(10, delay.toMillis() / 2);
      sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }
  }

  private record Attempt(UUID job, int number, int attempt) {
    static Attempt of(TaskMessage task) {
      return new Attempt(task.jobId().value(), task.taskNumber(), task.attempt());
    }
  }

  private record Started(TaskMessage task, Instant at) {}

  /** An attempt started now. */
  void started(TaskMessage task, Instant startedAt) {
    if (sweeper == null) {
      send(task, startedAt);
    } else {
      unreported.put(Attempt.of(task), new Started(task, startedAt));
    }
  }

  /** The attempt ended; its start no longer needs a report of its own. */
  void ended(TaskMessage task) {
    if (sweeper != null) {
      unreported.remove(Attempt.of(task));
    }
  }

  private void sweep() {
    try {
      Instant due = clock.instant().minus(delay);
      unreported.forEach(
          (attempt, started) -> {
            if (started.at().isBefore(due) && unreported.remove(attempt, started)) {
              send(started.task(), started.at());
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("Could not report started attempts; trying again at the next sweep.", e);
    }
  }

  private void send(TaskMessage task, Instant startedAt) {
    StatusMessage started = StatusMessage.started(task, workerId, startedAt);
    reporter.send(started, reporter.encode(started));
  }

  @Override
  public void destroy() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }
}
