package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.TaskMessage;
import java.util.Map;

/**
 * Does the work of one task. Implementations are Spring beans, found by {@link #name()}, and must
 * be thread-safe: the pool calls them from several threads at once.
 *
 * <p>Return an {@link Outcome}, or throw: a {@link ProcessingException} carries its own code and
 * retryability, and any other exception is classified by {@link FailureClassifier}.
 *
 * <p>Cancellation is cooperative: when the job is cancelled the {@link TaskContext} says so and the
 * runner interrupts the thread running the processor. A processor that waits should let the {@link
 * InterruptedException} out; one that computes for long should call {@link
 * TaskContext#throwIfCancelled()} between steps.
 */
public interface Processor {

  /** The name jobs select this processor by, such as {@code noop}. */
  String name();

  /**
   * Runs one attempt of {@code task}.
   *
   * @param context tells whether the attempt was cancelled meanwhile
   */
  Outcome process(TaskMessage task, TaskContext context) throws Exception;

  /**
   * What its attempts spend their time on, which decides the pool they run on: computing ({@link
   * Workload#CPU}, as many threads as cores) or waiting ({@link Workload#IO}, the default: a larger
   * pool).
   */
  default Workload workload() {
    return Workload.IO;
  }

  /**
   * Undoes the effect of an earlier successful attempt of {@code task}, because its job failed and
   * its failure policy asked for rollback ({@link TaskMessage#compensation()}). It may run more
   * than once for the same task (retries, redeliveries), so it must be idempotent. Its outcome is
   * reported and retried like a task's. The default has nothing to undo: processors that only read
   * and report, like the analyser, change nothing outside.
   */
  default Outcome compensate(TaskMessage task, TaskContext context) throws Exception {
    return Outcome.succeeded(Map.of());
  }
}
