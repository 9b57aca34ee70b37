package io.findoc.batch.analyzer.extract;

import java.util.concurrent.CancellationException;

/**
 * The safe points at which CPU-bound extraction stops once its attempt is stopped. The task runner
 * interrupts the processor thread when the attempt's job is cancelled or its attempt timeout
 * passes; parsing and decoding never block, so they would not notice: they call {@link #check} in
 * their loops instead. The interrupt flag is left set for the runner to clear.
 */
final class AttemptInterruption {

  private AttemptInterruption() {}

  /**
   * @throws CancellationException if the current thread was interrupted
   */
  static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the attempt was stopped (cancelled or timed out)");
    }
  }
}
