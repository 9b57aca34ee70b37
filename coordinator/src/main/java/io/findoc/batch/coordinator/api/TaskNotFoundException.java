package io.findoc.batch.coordinator.api;

/** The job has no task with this number. */
public class TaskNotFoundException extends RuntimeException {

  public TaskNotFoundException(Object jobId, int number) {
    super("job " + jobId + " has no task " + number);
  }
}
