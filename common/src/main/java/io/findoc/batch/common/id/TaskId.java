package io.findoc.batch.common.id;

import java.util.Objects;

/**
 * A task's identity: its job and its number within the job (1 for the first document, in submission
 * order). The text form {@code <job id>/<number>} keys task messages on Kafka.
 */
public record TaskId(JobId job, int number) {

  public TaskId {
    Objects.requireNonNull(job, "job");
    if (number < 1) {
      throw new IllegalArgumentException("task numbers start at 1, got " + number);
    }
  }

  /**
   * Parses the text form {@code <job id>/<number>}.
   *
   * @throws IllegalArgumentException if {@code text} is not of that form
   */
  public static TaskId parse(String text) {
    int slash = text == null ? -1 : text.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a task id: '" + text + "'");
    }
    try {
      return new TaskId(
          JobId.parse(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a task id: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return job + "/" + number;
  }
}
