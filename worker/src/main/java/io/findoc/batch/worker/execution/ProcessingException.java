package io.findoc.batch.worker.execution;

/** A processor's failure with its own stable code, and whether another attempt may succeed. */
public class ProcessingException extends RuntimeException {

  private final String code;
  private final boolean retryable;

  public ProcessingException(String code, String message, boolean retryable) {
    super(message);
    this.code = code;
    this.retryable = retryable;
  }

  public String code() {
    return code;
  }

  public boolean retryable() {
    return retryable;
  }
}
