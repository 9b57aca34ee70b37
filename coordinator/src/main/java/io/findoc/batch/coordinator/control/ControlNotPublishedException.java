package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.ControlAction;

/**
 * The job's new state is stored, but the broker did not take the signal for the workers. Every
 * operation is idempotent and publishes the signal again, so the client repeats its request.
 */
public class ControlNotPublishedException extends RuntimeException {

  public ControlNotPublishedException(JobId job, ControlAction action, Throwable cause) {
    super(
        "job "
            + job
            + " is "
            + (action == null ? "resumed" : action == ControlAction.PAUSE ? "paused" : "cancelled")
            + ", but the workers could not be told (the broker did not answer); repeat the request",
        cause);
  }

  /** For a signal about something else than a job; {@code message} says what stands. */
  public ControlNotPublishedException(String message, Throwable cause) {
    super(message, cause);
  }
}
