package io.findoc.batch.worker.processors;

import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.execution.Outcome;
import io.findoc.batch.worker.execution.Processor;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Simulates work for load and fault tests: waits, computes, fails or hangs as its {@link
 * SimulateOptions} say. Failures carry the code {@code SIMULATED_FAILURE}.
 */
@Component
public class SimulateProcessor implements Processor {

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public Outcome process(TaskMessage task) throws InterruptedException {
    SimulateOptions options = SimulateOptions.from(task.options());
    if (options.hang()) {
      Thread.sleep(Long.MAX_VALUE);
    }
    if (options.sleepMs() > 0) {
      Thread.sleep(options.sleepMs());
    }
    long spins = spin(options.cpuMs());
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

  private static boolean shouldFail(TaskMessage task, SimulateOptions options) {
    return options.failDocuments().contains(task.document().id())
        || task.attempt() <= options.failAttempts()
        || (options.failureRate() > 0
            && ThreadLocalRandom.current().nextDouble() < options.failureRate());
  }

  /** Computes for {@code millis} of wall time on this thread; returns the iterations done. */
  private static long spin(long millis) {
    if (millis <= 0) {
      return 0;
    }
    long end = System.nanoTime() + millis * 1_000_000;
    long iterations = 0;
    double sink = 1;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 1000; i++) {
        sink = Math.sqrt(sink + i);
      }
      iterations++;
    }
    return sink > 0 ? iterations : -iterations;
  }
}
