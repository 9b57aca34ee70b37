package io.findoc.batch.coordinator.submission;

import java.time.Duration;

/**
 * The tenant has as many unfinished tasks as it may have; the submission was not stored. {@link
 * #retryAfter()} estimates when enough will have finished, at the current completion rate.
 */
public class QueueLimitExceededException extends RuntimeException {

  private final Duration retryAfter;

  public QueueLimitExceededException(
      long unfinished, long submitted, long limit, Duration retryAfter) {
    super(
        "the tenant has "
            + unfinished
            + " unfinished tasks and may have at most "
            + limit
            + (submitted > 0 ? "; this job's " + submitted + " documents do not fit" : "")
            + "; try again later");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
