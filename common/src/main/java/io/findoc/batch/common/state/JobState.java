package io.findoc.batch.common.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one job. Each constant names who moves a job out of it; {@link #canMoveTo} is the one
 * transition table.
 */
public enum JobState {
  /**
   * Accepted, but jobs it depends on have not completed yet. The {@code DependencyResolver} moves
   * it to {@link #QUEUED} once all have, or to {@link #CANCELLED} once one ended otherwise.
   */
  WAITING,
  /**
   * Accepted with all its tasks stored; no task has started. The {@code StatusAggregator} moves it
   * to {@link #RUNNING} at the first task that starts (or straight to a result state when every
   * task finished within one status batch); an operator may pause or cancel it ({@code
   * JobOperations}).
   */
  QUEUED,
  /**
   * At least one task started. The {@code StatusAggregator} moves it to a result state when every
   * task is terminal; an operator may pause or cancel it.
   */
  RUNNING,
  /**
   * No new task of the job is dispatched; running ones finish. An operator resumes it (back to
   * {@link #QUEUED} or {@link #RUNNING}) or cancels it; it completes if its last tasks finish.
   */
  PAUSED,
  /**
   * The job failed and its failure policy asked for rollback: compensation runs for the tasks that
   * succeeded (the {@code CompensationDispatcher} hands them out). The {@code StatusAggregator}
   * moves it to {@link #ROLLED_BACK} when every compensation succeeded, or to {@link #FAILED} once
   * all ended and one failed for good.
   */
  ROLLING_BACK,
  /** Terminal: every task succeeded. */
  COMPLETED,
  /**
   * Every task is terminal and some failed, fewer than the failure threshold. An operator's retry
   * of the failed tasks reopens it ({@link #RUNNING}).
   */
  COMPLETED_WITH_ERRORS,
  /**
   * Failures reached the failure threshold (with no threshold: no task succeeded), or a rollback
   * could not compensate every task. An operator's retry reopens it ({@link #RUNNING}), unless a
   * rollback ran.
   */
  FAILED,
  /** Terminal: an operator cancelled it, or a job it depends on failed. */
  CANCELLED,
  /** Terminal: the job failed and the succeeded tasks were compensated. */
  ROLLED_BACK;

  private static final Map<JobState, Set<JobState>> ALLOWED = new EnumMap<>(JobState.class);

  static {
    Set<JobState> results = EnumSet.of(COMPLETED, COMPLETED_WITH_ERRORS, FAILED);
    ALLOWED.put(WAITING, EnumSet.of(QUEUED, CANCELLED));
    ALLOWED.put(QUEUED, union(results, EnumSet.of(RUNNING, PAUSED, CANCELLED, ROLLING_BACK)));
    ALLOWED.put(RUNNING, union(results, EnumSet.of(PAUSED, CANCELLED, ROLLING_BACK)));
    ALLOWED.put(PAUSED, union(results, EnumSet.of(QUEUED, RUNNING, CANCELLED, ROLLING_BACK)));
    ALLOWED.put(ROLLING_BACK, EnumSet.of(ROLLED_BACK, FAILED));
    ALLOWED.put(COMPLETED, EnumSet.noneOf(JobState.class));
    ALLOWED.put(COMPLETED_WITH_ERRORS, EnumSet.of(RUNNING));
    ALLOWED.put(FAILED, EnumSet.of(RUNNING));
    ALLOWED.put(CANCELLED, EnumSet.noneOf(JobState.class));
    ALLOWED.put(ROLLED_BACK, EnumSet.noneOf(JobState.class));
  }

  private static Set<JobState> union(Set<JobState> a, Set<JobState> b) {
    Set<JobState> all = EnumSet.copyOf(a);
    all.addAll(b);
    return all;
  }

  /** Whether the transition table allows moving from this state to {@code next}. */
  public boolean canMoveTo(JobState next) {
    return ALLOWED.get(this).contains(next);
  }

  /** The states this one may move to. */
  public Set<JobState> successors() {
    return Collections.unmodifiableSet(ALLOWED.get(this));
  }

  /**
   * Returns {@code next} if the table allows the move.
   *
   * @throws IllegalTransitionException otherwise
   */
  public JobState moveTo(JobState next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException("job", this, next);
    }
    return next;
  }

  /** Whether the job has finished: every task terminal and the outcome decided. */
  public boolean isFinished() {
    return this == COMPLETED
        || this == COMPLETED_WITH_ERRORS
        || this == FAILED
        || this == CANCELLED
        || this == ROLLED_BACK;
  }

  /** Whether the dispatcher hands out this job's tasks. */
  public boolean isDispatchable() {
    return this == QUEUED || this == RUNNING;
  }
}
