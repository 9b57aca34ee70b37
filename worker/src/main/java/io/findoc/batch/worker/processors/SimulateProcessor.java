package io.findoc.batch.worker.processors;

import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.execution.InjectedFaults;
import io.findoc.batch.worker.execution.Outcome;
import io.findoc.batch.worker.execution.Processor;
import io.findoc.batch.worker.execution.TaskContext;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Simulates work for load and fault tests: waits, computes, fails or hangs as its {@link
 * SimulateOptions} say. Failures carry the code {@code SIMULATED_FAILURE}. A cancelled attempt
 * stops waiting, computing or hanging at once. Compensation waits {@code sleepMs} too and fails
 * ({@code SIMULATED_COMPENSATION_FAILURE}) as {@code compensationFailure} says. A document of
 * {@code crashDocuments} ends the worker process, where the worker allows it ({@link
 * InjectedFaults}).
 */
@Component
public class SimulateProcessor implements Processor {

  /** How often a hanging attempt looks whether it was cancelled, should no interrupt reach it. */
  private static final long HANG_CHECK_MS = 100;

  private final InjectedFaults faults;

  public SimulateProcessor(InjectedFaults faults) {
    this.faults = faults;
  }

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public Outcome process(TaskMessage task, TaskContext context) throws InterruptedException {
    SimulateOptions options = SimulateOptions.from(task.options());
    if (options.crashDocuments().contains(task.document().id())) {
      if (!faults.allowCrashDocuments()) {
        return new Outcome.PermanentFailure(
            "SIMULATED_CRASH_REFUSED",
            "document "
                + task.document().id()
                + " would crash the worker; this worker does not allow it"
                + " (findoc.worker.faults.allow-crash-documents)");
      }
      faults.crash(
          "document " + task.document().id() + " crashes its parser, attempt " + task.attempt());
    }
    if (options.hang()) {
      hang(context);
    }
    if (options.sleepMs() > 0) {
      context.throwIfCancelled();
      // The runner interrupts the thread of a cancelled attempt, which ends the sleep.
      Thread.sleep(options.sleepMs());
    }
    long spins = spin(options.cpuMs(), context);
    if (shouldFail(task, options)) {
      String message =
          "simulated failure of document " + task.document().id() + ", attempt " + task.attempt();
      return options.permanent()
          ? new Outcome.PermanentFailure("SIMULATED_FAILURE", message)
          : new Outcome.RetryableFailure("SIMULATED_FAILURE", message);
    }
    return Outcome.succeeded(
        Map.of("document", task.document().id(), "attempt", task.attempt(), "spins", spins));
  }

  @Override
  public Outcome compensate(TaskMessage task, TaskContext context) throws InterruptedException {
    SimulateOptions options = SimulateOptions.from(task.options());
    if (options.compensationSleepMs() > 0) {
      Thread.sleep(options.compensationSleepMs());
    }
    String failure = options.compensationFailure();
    boolean fails =
        failure != null
            && (options.failCompensationDocuments().isEmpty()
                || options.failCompensationDocuments().contains(task.document().id()));
    if (fails) {
      String message =
          "simulated compensation failure of document "
              + task.document().id()
              + ", attempt "
              + task.attempt();
      return failure.equals("permanent")
          ? new Outcome.PermanentFailure("SIMULATED_COMPENSATION_FAILURE", message)
          : new Outcome.RetryableFailure("SIMULATED_COMPENSATION_FAILURE", message);
    }
    return Outcome.succeeded(Map.of("compensated", task.document().id()));
  }

  private static boolean shouldFail(TaskMessage task, SimulateOptions options) {
    return options.failDocuments().contains(task.document().id())
        || task.attempt() <= options.failAttempts()
        || task.attempt() <= options.failUntilAttempt().getOrDefault(task.document().id(), 0)
        || (options.failureRate() > 0
            && ThreadLocalRandom.current().nextDouble() < options.failureRate());
  }

  /** Blocks until the attempt is cancelled or the worker stops (which interrupts the thread). */
  private static void hang(TaskContext context) throws InterruptedException {
    while (true) {
      context.throwIfCancelled();
      Thread.sleep(HANG_CHECK_MS);
    }
  }

  /**
   * Computes for {@code millis} of wall time on this thread, unless cancelled; returns the
   * iterations done.
   */
  private static long spin(long millis, TaskContext context) {
    if (millis <= 0) {
      return 0;
    }
    long end = System.nanoTime() + millis * 1_000_000;
    long iterations = 0;
    double sink = 1;
    while (System.nanoTime() < end) {
      context.throwIfCancelled();
      for (int i = 0; i < 1000; i++) {
        sink = Math.sqrt(sink + i);
      }
      iterations++;
    }
    return sink > 0 ? iterations : -iterations;
  }
}
