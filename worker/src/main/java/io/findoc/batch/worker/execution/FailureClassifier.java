package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.StackTraces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies what a processor threw, once, for all processors:
 *
 * <ul>
 *   <li>{@link ProcessingException}: as it says;
 *   <li>I/O errors and timeouts: retryable ({@code IO_ERROR}, {@code TIMEOUT});
 *   <li>{@link IllegalArgumentException}, {@link UnsupportedOperationException}, {@link
 *       ClassCastException}: permanent ({@code INVALID_INPUT}), another attempt would do the same;
 *   <li>{@link OutOfMemoryError}, {@link StackOverflowError}: permanent ({@code RESOURCE_LIMIT}),
 *       so a document that blows up its parser is not tried on every worker in turn;
 *   <li>anything else: retryable ({@code PROCESSOR_ERROR}), bounded by the job's attempts.
 * </ul>
 */
public final class FailureClassifier {

  private FailureClassifier() {}

  /** The outcome of {@code failure}, with its trimmed stack trace. */
  public static Outcome classify(Throwable failure) {
    Outcome outcome = classifyOnly(failure);
    String trace = StackTraces.trimmed(failure);
    if (outcome instanceof Outcome.RetryableFailure f) {
      return new Outcome.RetryableFailure(f.code(), f.message(), trace);
    }
    if (outcome instanceof Outcome.PermanentFailure f) {
      return new Outcome.PermanentFailure(f.code(), f.message(), trace);
    }
    return outcome;
  }

  private static Outcome classifyOnly(Throwable failure) {
    String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    if (failure instanceof ProcessingException p) {
      return p.retryable()
          ? new Outcome.RetryableFailure(p.code(), p.getMessage())
          : new Outcome.PermanentFailure(p.code(), p.getMessage());
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      return new Outcome.RetryableFailure("IO_ERROR", message);
    }
    if (failure instanceof TimeoutException) {
      return new Outcome.RetryableFailure("TIMEOUT", message);
    }
    if (failure instanceof IllegalArgumentException
        || failure instanceof UnsupportedOperationException
        || failure instanceof ClassCastException) {
      return new Outcome.PermanentFailure("INVALID_INPUT", message);
    }
    if (failure instanceof OutOfMemoryError || failure instanceof StackOverflowError) {
      return new Outcome.PermanentFailure("RESOURCE_LIMIT", message);
    }
    return new Outcome.RetryableFailure("PROCESSOR_ERROR", message);
  }
}
