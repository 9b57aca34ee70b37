package io.findoc.batch.coordinator.metrics;

/** The names of the figures kept per minute in {@code metrics_minute}. */
public final class Figure {

  /** Tasks that succeeded. */
  public static final String SUCCEEDED = "tasks.succeeded";

  /** Tasks that failed for good. */
  public static final String FAILED = "tasks.failed";

  /** Attempts that failed with attempts left: the task waits for its next one. */
  public static final String RETRIED = "tasks.retried";

  /** Failed attempts (for good or retried) by error code, the label. */
  public static final String ERRORS = "attempt.errors";

  /** Histogram: from dispatch to start. */
  public static final String QUEUE_WAIT = "latency.queue_wait";

  /** Histogram: from start to end of an attempt. */
  public static final String PROCESSING = "latency.processing";

  /** Histogram: from the job's submission to the task's end, for tasks that ended for good. */
  public static final String END_TO_END = "latency.end_to_end";

  private Figure() {}
}
