package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.config.WorkerProperties;
import io.findoc.batch.worker.reporting.StatusReporter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Runs attempts on a fixed pool of processor threads: runs the processor (reporting {@code STARTED}
 * through {@link StartedReports} if it takes a while), reports the outcome, and calls back once the
 * broker has the final report. One attempt that fails in any way becomes a failure report; it never
 * takes a thread or the worker down.
 */
@Component
public class TaskRunner implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final ProcessorRegistry processors;
  private final StatusReporter reporter;
  private final StartedReports startedReports;
  private final Clock clock;
  private final String workerId;
  private final Duration shutdownGrace;
  private final ThreadPoolExecutor pool;
  private final Timer processing;
  private volatile boolean running;

  public TaskRunner(
      ProcessorRegistry processors,
      StatusReporter reporter,
      StartedReports startedReports,
      Clock clock,
      WorkerProperties properties,
      MeterRegistry meters) {
    this.processors = processors;
    this.reporter = reporter;
    this.startedReports = startedReports;
    this.clock = clock;
    this.workerId = properties.worker().id();
    this.shutdownGrace = properties.worker().shutdownGrace();
    int threads = properties.worker().threads();
    AtomicInteger counter = new AtomicInteger();
    // Unbounded queue: the intake throttle bounds what is taken off Kafka.
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> new Thread(runnable, "processor-" + counter.incrementAndGet()));
    this.processing = meters.timer("findoc.worker.processing");
  }

  /** Queues the attempt; {@code whenReported} runs once its final report is acknowledged. */
  public void submit(TaskMessage task, Runnable whenReported) {
    pool.execute(() -> run(task, whenReported));
  }

  private void run(TaskMessage task, Runnable whenReported) {
    try {
      Instant startedAt = clock.instant();
      startedReports.started(task, startedAt);
      long t0 = System.nanoTime();
      Outcome outcome;
      try {
        outcome = execute(task);
      } finally {
        startedReports.ended(task);
      }
      processing.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      StatusMessage report = report(task, startedAt, outcome);
      byte[] encoded;
      try {
        encoded = reporter.encode(report);
      } catch (JacksonException e) {
        report =
            StatusMessage.failed(
                task,
                workerId,
                startedAt,
                clock.instant(),
                new TaskError("RESULT_NOT_SERIALIZABLE", e.getOriginalMessage(), false));
        encoded = reporter.encode(report);
      }
      reporter.sendUntilAcknowledged(report, encoded).thenRun(whenReported);
    } catch (RuntimeException | Error e) {
      LOG.error(
          "Could not run or report task {} attempt {}; its offset stays uncommitted, so it runs"
              + " again after a restart or rebalance.",
          task.taskId(),
          task.attempt(),
          e);
    }
  }

  private Outcome execute(TaskMessage task) {
    Processor processor = processors.find(task.processor()).orElse(null);
    if (processor == null) {
      return new Outcome.PermanentFailure(
          "UNKNOWN_PROCESSOR", "this worker has no processor named '" + task.processor() + "'");
    }
    try {
      Outcome outcome = processor.process(task);
      return outcome == null ? Outcome.succeeded(null) : outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.RetryableFailure("INTERRUPTED", "the worker stopped during the attempt");
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      return FailureClassifier.classify(e);
    }
  }

  private StatusMessage report(TaskMessage task, Instant startedAt, Outcome outcome) {
    Instant finishedAt = clock.instant();
    if (outcome instanceof Outcome.Succeeded succeeded) {
      return StatusMessage.succeeded(task, workerId, startedAt, finishedAt, succeeded.result());
    }
    return StatusMessage.failed(task, workerId, startedAt, finishedAt, outcome.error());
  }

  @Override
  public void start() {
    running = true;
  }

  /** Lets running attempts finish, for up to the shutdown grace, after intake has stopped. */
  @Override
  public void stop() {
    running = false;
    pool.shutdown();
    try {
      if (!pool.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "{} attempts still running after {}; they stop now and run again elsewhere.",
            pool.getActiveCount() + pool.getQueue().size(),
            shutdownGrace);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the listener containers (which stop at a higher phase), before the producer. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }
}
