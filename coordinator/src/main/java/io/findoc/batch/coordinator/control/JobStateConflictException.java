package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.state.JobState;
import java.util.UUID;

/** The job's state forbids the operation, such as resuming a completed job. */
public class JobStateConflictException extends RuntimeException {

  private final JobState state;

  public JobStateConflictException(UUID job, String operation, JobState state, String allowed) {
    super("cannot " + operation + " job " + job + ": it is " + state + "; " + allowed);
    this.state = state;
  }

  public JobState state() {
    return state;
  }
}
