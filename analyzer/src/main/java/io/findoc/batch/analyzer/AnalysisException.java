package io.findoc.batch.analyzer;

/**
 * The analysis of one document failed with one of the {@link AnalysisError} codes. Unchecked: it
 * crosses the parsers' callbacks; the caller (the worker's processor) maps it to its own failure.
 */
public class AnalysisException extends RuntimeException {

  private final AnalysisError error;

  public AnalysisException(AnalysisError error, String message) {
    super(message);
    this.error = error;
  }

  public AnalysisError error() {
    return error;
  }

  /** The stable code: the {@link AnalysisError} constant's name. */
  public String code() {
    return error.name();
  }

  /** Whether another attempt may succeed. */
  public boolean retryable() {
    return error.retryable();
  }

  @Override
  public String toString() {
    return code() + ": " + getMessage();
  }
}
