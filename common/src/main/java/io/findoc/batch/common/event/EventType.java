package io.findoc.batch.common.event;

import io.findoc.batch.common.state.JobState;
import java.util.Arrays;
import java.util.Optional;

/**
 * The eight event types of a job's life, as webhooks and on the job-events topic. Job events are
 * always written; task events only for jobs that asked for them (see {@code docs/events.md}).
 */
public enum EventType {
  /** The job was accepted (QUEUED, or WAITING for the jobs it depends on). */
  JOB_CREATED("batch.job.created"),
  /** The job moved to RUNNING: its first task started, or an operator's retry reopened it. */
  JOB_STARTED("batch.job.started"),
  /** Throttled: the job's counts, at most every N seconds and once per M percent done. */
  JOB_PROGRESS("batch.job.progress"),
  /** The job finished COMPLETED or COMPLETED_WITH_ERRORS ({@code data.state} says which). */
  JOB_COMPLETED("batch.job.completed"),
  /** The job finished FAILED, CANCELLED or ROLLED_BACK ({@code data.state} says which). */
  JOB_FAILED("batch.job.failed"),
  /** A task's attempt started running. */
  TASK_STARTED("batch.task.started"),
  /** A task succeeded. */
  TASK_COMPLETED("batch.task.completed"),
  /** A task failed for good (attempts that will be retried are not events). */
  TASK_FAILED("batch.task.failed");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire: the webhook's {@code type}, the CloudEvent's {@code type}. */
  public String wireName() {
    return wireName;
  }

  /** Whether this is one of the {@code batch.task.*} types, written only on request. */
  public boolean isTaskEvent() {
    return wireName.startsWith("batch.task.");
  }

  /** The type of a wire name, if it is one. */
  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  /**
   * The event a job state change emits, if any. Entering RUNNING from QUEUED or from a finished
   * state (a retry reopened the job) is {@link #JOB_STARTED}, but not from PAUSED (a resume);
   * COMPLETED and COMPLETED_WITH_ERRORS are {@link #JOB_COMPLETED}; FAILED, CANCELLED and
   * ROLLED_BACK are {@link #JOB_FAILED}. Pausing, resuming, WAITING to QUEUED and ROLLING_BACK emit
   * nothing.
   */
  public static Optional<EventType> ofTransition(JobState from, JobState to) {
    return switch (to) {
      case RUNNING ->
          from == JobState.QUEUED || from.isFinished()
              ? Optional.of(JOB_STARTED)
              : Optional.empty();
      case COMPLETED, COMPLETED_WITH_ERRORS -> Optional.of(JOB_COMPLETED);
      case FAILED, CANCELLED, ROLLED_BACK -> Optional.of(JOB_FAILED);
      default -> Optional.empty();
    };
  }
}
