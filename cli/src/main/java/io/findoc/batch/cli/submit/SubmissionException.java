package io.findoc.batch.cli.submit;

/** The documents cannot be submitted as given: unreadable, too large to send inline, ids twice. */
public class SubmissionException extends RuntimeException {

  public SubmissionException(String message) {
    super(message);
  }

  public SubmissionException(String message, Throwable cause) {
    super(message, cause);
  }
}
