package io.findoc.batch.common.message;

/** What a {@link StatusMessage} reports about an attempt. */
public enum StatusKind {
  /** A worker took the attempt and started the processor. */
  STARTED,
  /**
   * The attempt is still running: the worker sends one every {@code heartbeat-interval} after
   * {@code STARTED}, and the coordinator extends the attempt's lease.
   */
  HEARTBEAT,
  /** The processor returned a result; the attempt is done. */
  SUCCEEDED,
  /** The processor failed; {@link StatusMessage#error()} says how and whether to retry. */
  FAILED,
  /**
   * The worker did not run the attempt because the job is paused ({@link ControlMessage}); the
   * coordinator hands the task out again when the job resumes.
   */
  DEFERRED,
  /**
   * The attempt did not run, or stopped, because the job was cancelled. The coordinator has already
   * cancelled the task; the report only closes the attempt.
   */
  CANCELLED;

  public boolean isFinal() {
    return this != STARTED && this != HEARTBEAT;
  }
}
