package io.findoc.batch.coordinator.dispatch;

/** The broker did not acknowledge every message of a dispatch round. */
public class DispatchFailedException extends RuntimeException {

  public DispatchFailedException(int tasks, Throwable cause) {
    super(
        "the broker did not acknowledge all " + tasks + " task messages of a dispatch round",
        cause);
  }
}
