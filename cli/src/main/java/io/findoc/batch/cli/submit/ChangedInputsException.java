package io.findoc.batch.cli.submit;

/**
 * A submission run again whose files changed since chunks of it were accepted: resuming would
 * submit other documents than the first run did, so the client refuses (exit 2) and says which.
 */
public class ChangedInputsException extends RuntimeException {

  public ChangedInputsException(String message) {
    super(message);
  }
}
