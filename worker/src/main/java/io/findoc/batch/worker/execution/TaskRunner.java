package io.findoc.batch.worker.execution;

import io.findoc.batch.common.agent.DaemonThreads;
import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.ControlAction;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.StatusReportRules;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.config.WorkerProperties;
import io.findoc.batch.worker.reporting.StatusReporter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Runs attempts on two fixed pools of processor threads, one per {@link Workload}: the analyser's
 * attempts on as many threads as the process has cores, waiting ones on a larger pool. A free
 * thread takes the next attempt of its pool from the per-priority queues by weight ({@link
 * WeightedQueue}, {@code findoc.worker.weights}); just before it would start, it looks at the job's
 * {@link JobInstructions}: a paused job's attempt is reported {@code DEFERRED} and a cancelled
 * job's {@code CANCELLED}, neither run. Otherwise it runs the processor (reporting {@code STARTED}
 * through {@link StartedReports} if it takes a while) and reports the outcome, or {@code CANCELLED}
 * if the job was cancelled meanwhile ({@link #cancelRunning}). It calls back once the broker has
 * the final report. One attempt that fails in any way becomes a failure report; it never takes a
 * thread or the worker down.
 */
@Component
public class TaskRunner implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final ProcessorRegistry processors;
  private final StatusReporter reporter;
  private final StartedReports startedReports;
  private final JobInstructions instructions;
  private final Clock clock;
  private final String workerId;
  private final Duration shutdownGrace;
  private final Duration attemptTimeout;
  private final ScheduledThreadPoolExecutor timeouts = attemptTimeouts();
  private final InjectedFaults faults;
  private final CrashJournal journal;
  private final ReentrantReadWriteLock isolation = new ReentrantReadWriteLock(true);
  private final Map<Workload, ProcessorPool<Queued>> pools = new EnumMap<>(Workload.class);
  private final Set<RunningAttempt> running = ConcurrentHashMap.newKeySet();
  private final Timer processing;
  private final Counter deferred;
  private final Counter cancelled;
  private volatile boolean started;

  public TaskRunner(
      ProcessorRegistry processors,
      StatusReporter reporter,
      StartedReports startedReports,
      JobInstructions instructions,
      InjectedFaults faults,
      Clock clock,
      WorkerProperties properties,
      MeterRegistry meters) {
    this.processors = processors;
    this.reporter = reporter;
    this.startedReports = startedReports;
    this.instructions = instructions;
    this.faults = faults;
    WorkerProperties.Execution execution = properties.worker().execution();
    this.journal = CrashJournal.open(execution.crashJournal(), execution.allThreads());
    this.clock = clock;
    this.workerId = properties.worker().id();
    this.shutdownGrace = execution.shutdownGrace();
    this.attemptTimeout = execution.attemptTimeout();
    Map<Priority, Integer> weights = execution.weights().asMap();
    Consumer<Queued> run = next -> run(next.task(), next.whenReported());
    pools.put(
        Workload.CPU, new ProcessorPool<>("processor-cpu", execution.cpuThreads(), weights, run));
    pools.put(Workload.IO, new ProcessorPool<>("processor", execution.threads(), weights, run));
    this.processing = meters.timer("findoc.worker.processing");
    this.deferred = controlled(meters, "deferred");
    this.cancelled = controlled(meters, "cancelled");
    for (Priority priority : Priority.values()) {
      for (Map.Entry<Workload, ProcessorPool<Queued>> pool : pools.entrySet()) {
        Gauge.builder("findoc.worker.queued", pool.getValue(), q -> q.waiting(priority))
            .tag("priority", priority.wireName())
            .tag("workload", pool.getKey().name().toLowerCase(Locale.ROOT))
            .description("attempts waiting for a processor thread")
            .register(meters);
      }
    }
  }

  /**
   * The one thread that stops attempts running past their timeout. Every attempt schedules its
   * timeout and cancels it when it ends: a cancelled timeout leaves the queue at once, or a million
   * short attempts would leave a million cancelled timeouts queued for the whole timeout (15
   * minutes by default), each scheduling sifting through them and the collector copying them.
   */
  private static ScheduledThreadPoolExecutor attemptTimeouts() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("attempt-timeouts"));
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  private static Counter controlled(MeterRegistry meters, String report) {
    return Counter.builder("findoc.worker.attempts.controlled")
        .tag("report", report)
        .description("attempts reported deferred or cancelled because of a job control")
        .register(meters);
  }

  /** Told, once the final report of an attempt is acknowledged, how long the attempt ran. */
  @FunctionalInterface
  public interface Reported {
    void ran(long processingNanos);
  }

  private record Queued(TaskMessage task, Reported whenReported) {}

  /**
   * Queues the attempt behind the others of {@code priority}; {@code whenReported} runs once its
   * final report is acknowledged.
   */
  public void submit(TaskMessage task, Priority priority, Reported whenReported) {
    pools.get(workloadOf(task)).submit(priority, new Queued(task, whenReported));
  }

  /** The pool of the task's processor; an unknown one fails on the I/O pool, which is larger. */
  private Workload workloadOf(TaskMessage task) {
    return processors.find(task.processor()).map(Processor::workload).orElse(Workload.IO);
  }

  /** The processor threads of the pool {@code task} runs on. */
  public int threadsFor(TaskMessage task) {
    return pools.get(workloadOf(task)).size();
  }

  /**
   * Cancels the running attempts of the job: their processors see it in their {@link TaskContext}
   * and their threads are interrupted; each is reported {@code CANCELLED} once its processor ends.
   */
  public void cancelRunning(JobId job) {
    for (RunningAttempt attempt : running) {
      if (attempt.task().jobId().equals(job)) {
        LOG.info(
            "Cancelling task {} attempt {}: its job was cancelled. It is reported cancelled when"
                + " its processor returns.",
            attempt.task().taskId(),
            attempt.task().attempt());
        attempt.cancel();
      }
    }
  }

  private void run(TaskMessage task, Reported whenReported) {
    try (AttemptLogContext ignored = AttemptLogContext.open(task)) {
      long t0 = System.nanoTime();
      StatusMessage report = keptToRules(task, attempt(task));
      long ran = System.nanoTime() - t0;
      byte[] encoded;
      try {
        encoded = reporter.encode(report);
      } catch (JacksonException e) {
        report =
            StatusMessage.failed(
                task,
                workerId,
                report.startedAt(),
                clock.instant(),
                new TaskError("RESULT_NOT_SERIALIZABLE", e.getOriginalMessage(), false));
        encoded = reporter.encode(report);
      }
      reporter
          .sendUntilAcknowledged(report, encoded)
          .thenRun(faults::reportAcknowledged)
          .thenRun(() -> whenReported.ran(ran));
    } catch (RuntimeException | Error e) {
      LOG.error(
          "Could not run or report task {} attempt {}; its offset stays uncommitted, so it runs"
              + " again after a restart or rebalance.",
          task.taskId(),
          task.attempt(),
          e);
    }
  }

  /**
   * {@code report}, or, if it breaks a rule of the status topic (a NUL character in the result or
   * the error, say: the coordinator would dead-letter it and the task would wait for its lease), a
   * permanent failure that says which.
   */
  private StatusMessage keptToRules(TaskMessage task, StatusMessage report) {
    return StatusReportRules.violation(report)
        .map(
            violation ->
                StatusMessage.failed(
                    task,
                    workerId,
                    report.startedAt(),
                    clock.instant(),
                    new TaskError(
                        "REPORT_INVALID",
                        "the attempt's report broke a rule of the status topic: " + violation,
                        false)))
        .orElse(report);
  }

  /** Runs the attempt unless its job is paused or cancelled; returns its final report. */
  private StatusMessage attempt(TaskMessage task) {
    RunningAttempt attempt = new RunningAttempt(task, Thread.currentThread());
    // Tracked before the instructions are read, so a cancellation read in between finds it.
    running.add(attempt);
    try {
      // A compensation belongs to a rolling-back job, which can be neither paused nor cancelled; a
      // cancel signal standing from before (a fail-fast job) must not stop it.
      ControlAction action =
          task.compensation() ? null : instructions.actionFor(task.jobId()).orElse(null);
      if (action == ControlAction.PAUSE) {
        deferred.increment();
        return StatusMessage.deferred(task, workerId, clock.instant());
      }
      if (action == ControlAction.CANCEL) {
        cancelled.increment();
        return StatusMessage.cancelled(task, workerId, null, clock.instant());
      }
      CrashJournal.Verdict verdict =
          journal == null ? CrashJournal.Verdict.NONE : journal.verdict(task);
      if (verdict == CrashJournal.Verdict.CULPRIT) {
        LOG.warn(
            "Task {} attempt {} was running when this worker's previous process ended; it is"
                + " reported failed ({}, retryable), not run again.",
            task.taskId(),
            task.attempt(),
            CrashJournal.WORKER_CRASHED);
        return StatusMessage.failed(
            task,
            workerId,
            null,
            clock.instant(),
            new TaskError(
                CrashJournal.WORKER_CRASHED,
                "the worker's process ended while it ran this attempt (a document that crashes"
                    + " its processor, or the process was killed); it was not run again",
                true));
      }
      Lock isolation = isolationFor(verdict);
      if (isolation != null) {
        isolation.lock();
      }
      try {
        return runProcessor(task, attempt);
      } finally {
        if (isolation != null) {
          isolation.unlock();
        }
        if (verdict == CrashJournal.Verdict.SUSPECT) {
          journal.ranAlone(task);
        }
      }
    } finally {
      running.remove(attempt);
    }
  }

  /**
   * The lock an attempt runs under while the crash journal's suspects are run one at a time: a
   * suspect takes it alone, every other attempt shares it; none once they all ran.
   */
  private Lock isolationFor(CrashJournal.Verdict verdict) {
    if (verdict == CrashJournal.Verdict.SUSPECT) {
      return isolation.writeLock();
    }
    return journal != null && journal.isolating() ? isolation.readLock() : null;
  }

  /** Runs the processor on the attempt, within its timeout; returns its final report. */
  private StatusMessage runProcessor(TaskMessage task, RunningAttempt attempt) {
    Instant startedAt = clock.instant();
    startedReports.started(task, startedAt);
    long t0 = System.nanoTime();
    Outcome outcome;
    boolean cancelledMeanwhile;
    ScheduledFuture<?> timeout =
        timeouts.schedule(attempt::timeOut, attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
    int slot = journal == null ? -1 : journal.running(task);
    try {
      attempt.processorStarting();
      outcome = execute(task, attempt);
    } finally {
      if (journal != null) {
        journal.ended(slot);
      }
      timeout.cancel(false);
      cancelledMeanwhile = attempt.processorEnded();
      startedReports.ended(task);
    }
    processing.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    if (cancelledMeanwhile && attempt.timedOut()) {
      LOG.warn(
          "Task {} attempt {} ran longer than {} and was stopped; it is reported failed"
              + " (ATTEMPT_TIMEOUT, retryable).",
          task.taskId(),
          task.attempt(),
          attemptTimeout);
      return StatusMessage.failed(
          task,
          workerId,
          startedAt,
          clock.instant(),
          new TaskError("ATTEMPT_TIMEOUT", "the attempt ran longer than " + attemptTimeout, true));
    }
    if (cancelledMeanwhile) {
      cancelled.increment();
      return StatusMessage.cancelled(task, workerId, startedAt, clock.instant());
    }
    return report(task, startedAt, outcome);
  }

  private Outcome execute(TaskMessage task, TaskContext context) {
    Processor processor = processors.find(task.processor()).orElse(null);
    if (processor == null) {
      return new Outcome.PermanentFailure(
          "UNKNOWN_PROCESSOR", "this worker has no processor named '" + task.processor() + "'");
    }
    try {
      Outcome outcome =
          task.compensation()
              ? processor.compensate(task, context)
              : processor.process(task, context);
      return outcome == null ? Outcome.succeeded(Map.of()) : outcome;
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
    started = true;
  }

  /** Lets running attempts finish, for up to the shutdown grace, after intake has stopped. */
  @Override
  public void stop() {
    started = false;
    pools.values().forEach(ProcessorPool::shutdown);
    long deadline = System.nanoTime() + shutdownGrace.toNanos();
    try {
      for (ProcessorPool<Queued> pool : pools.values()) {
        if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()))) {
          LOG.warn(
              "{} attempts still running after {}; they stop now and run again elsewhere.",
              pool.busy(),
              shutdownGrace);
          pool.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pools.values().forEach(ProcessorPool::shutdownNow);
    } finally {
      timeouts.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  /** Stops after the listener containers (which stop at a higher phase), before the producer. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }
}
