package io.findoc.batch.worker.execution;

import java.util.concurrent.CancellationException;

/**
 * What a {@link Processor} can ask about the attempt it runs.
 *
 * <p>Cancellation is cooperative. When the attempt's job is cancelled, {@link #isCancelled()} turns
 * true and the runner also interrupts the thread running the processor, so blocking calls (sleeps,
 * waits, interruptible I/O) end with an {@link InterruptedException}; a processor that computes for
 * long should call {@link #throwIfCancelled()} now and then. Whatever the processor returns or
 * throws once its attempt is cancelled, the attempt is reported {@code CANCELLED}.
 */
public interface TaskContext {

  /** Whether the attempt's job was cancelled: the processor should stop as soon as it can. */
  boolean isCancelled();

  /**
   * Throws if the attempt's job was cancelled; a cheap check for loops.
   *
   * @throws CancellationException if {@link #isCancelled()}
   */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw new CancellationException("the attempt's job was cancelled");
    }
  }
}
