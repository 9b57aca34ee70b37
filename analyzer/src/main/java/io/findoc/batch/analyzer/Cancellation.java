package io.findoc.batch.analyzer;

import java.util.concurrent.CancellationException;

/**
 * Whether the caller has given up on the analysis under way (the worker: the attempt's job was
 * cancelled). The analyser asks between its steps and, through the PDF parser's callbacks, within
 * long extractions.
 */
@FunctionalInterface
public interface Cancellation {

  /** Never cancelled. */
  Cancellation NEVER = () -> false;

  boolean isCancelled();

  /**
   * @throws CancellationException if cancelled
   */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw new CancellationException("the analysis was cancelled");
    }
  }
}
