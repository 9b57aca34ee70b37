package io.findoc.batch.coordinator.store;

/**
 * What a job's failed tasks mean for the job, as submitted in {@code failurePolicy}: at or over the
 * threshold (a count of failed tasks, or a ratio of the total) the job FAILS, under it it ends
 * COMPLETED_WITH_ERRORS. Without a threshold the job fails only when no task succeeded. Only FAILED
 * tasks count: tasks skipped because a prerequisite failed, or cancelled, do not.
 *
 * @param failureThresholdCount failed tasks at which the job fails; null if none
 * @param failureThresholdRatio the share of the total, over 0 and at most 1, at which the job
 *     fails; null if none
 * @param failFast whether, at the threshold, the job's unfinished tasks are cancelled and the job
 *     fails at once instead of running to the end
 * @param rollback whether a failed job compensates its succeeded tasks ({@code onFailure:
 *     "rollback"}) rather than stay as it is ({@code "complete"})
 */
public record FailurePolicy(
    Integer failureThresholdCount,
    Double failureThresholdRatio,
    boolean failFast,
    boolean rollback) {

  /** No threshold, no fail-fast, no rollback: the rule before failure policies. */
  public static final FailurePolicy NONE = new FailurePolicy(null, null, false, false);

  public boolean hasThreshold() {
    return failureThresholdCount != null || failureThresholdRatio != null;
  }

  /** Whether the failed tasks reached the threshold; false without one. */
  public boolean reached(JobCounts counts) {
    if (failureThresholdCount != null && counts.failed() >= failureThresholdCount) {
      return true;
    }
    // A small tolerance, so that 0.3 of 10 is reached by 3 failures despite binary fractions.
    return failureThresholdRatio != null
        && counts.failed() >= failureThresholdRatio * counts.total() - 1e-9;
  }

  /** Whether the job must stop now: fail-fast and the threshold reached before all tasks ended. */
  public boolean stopsNow(JobCounts counts) {
    return failFast && !counts.allTerminal() && reached(counts);
  }
}
