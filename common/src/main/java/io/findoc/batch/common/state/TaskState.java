package io.findoc.batch.common.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one task (one document of a job). Each constant names who moves a task out of it;
 * {@link #canMoveTo} is the one transition table, and every state change in the coordinator is
 * checked against it: the database UPDATEs repeat the expected state as their guard, and each move
 * they make is checked where it is counted for the job counters ({@code CountDeltas}), where a
 * forbidden one rolls its transaction back.
 */
public enum TaskState {
  /**
   * Stored, waiting to be dispatched (first attempt, or a new attempt after a lease expired or a
   * manual retry, or an attempt a worker deferred because its job was paused). The {@code
   * TaskDispatcher} moves it to {@link #QUEUED} once no task it depends on is unfinished; {@code
   * JobOperations} cancelling the job moves it to {@link #CANCELLED}; a task it depends on failing
   * for good to {@link #SKIPPED} ({@code StatusAggregator}). The {@code StatusAggregator} may move
   * it on as from {@link #QUEUED}: an attempt a worker deferred keeps its number, and a redelivered
   * copy of its message may run before the dispatcher hands it out again, or be deferred again
   * (which leaves it PENDING: no move).
   */
  PENDING,
  /**
   * Published to a task topic, not yet reported started. The {@code StatusAggregator} moves it on
   * as the worker reports; it goes back to {@link #PENDING} as a new attempt when a worker defers
   * it (job paused) or its lease expires; cancelling moves it to {@link #CANCELLED}.
   */
  QUEUED,
  /**
   * A worker reported it started. The {@code StatusAggregator} moves it to a result state; the
   * {@code LeaseReaper} back to {@link #PENDING} as a new attempt when heartbeats stop.
   */
  RUNNING,
  /**
   * The attempt failed with a retryable error and attempts remain; the attempt number is already
   * the next one. The {@code TaskDispatcher} moves it to {@link #QUEUED} once its backoff is over.
   */
  RETRY_WAIT,
  /** Terminal: the processor succeeded; the result is stored. */
  SUCCEEDED,
  /**
   * Terminal: failed permanently or out of attempts; error code and message are stored. Only an
   * operator's retry request moves it back to {@link #PENDING}, as a new attempt.
   */
  FAILED,
  /** Terminal: the job was cancelled before this task finished. */
  CANCELLED,
  /**
   * Terminal: a task it depends on failed for good, so it never ran. Only an operator's retry of
   * that prerequisite moves it back to {@link #PENDING} ({@code DependentRetry}), to wait for the
   * prerequisite's new attempt; it is skipped again at once if another prerequisite is still
   * failed.
   */
  SKIPPED;

  private static final Map<TaskState, Set<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

  static {
    ALLOWED.put(
        PENDING, EnumSet.of(QUEUED, RUNNING, SUCCEEDED, FAILED, RETRY_WAIT, CANCELLED, SKIPPED));
    ALLOWED.put(QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, RETRY_WAIT, PENDING, CANCELLED));
    ALLOWED.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, RETRY_WAIT, PENDING, CANCELLED));
    ALLOWED.put(RETRY_WAIT, EnumSet.of(QUEUED, CANCELLED));
    ALLOWED.put(SUCCEEDED, EnumSet.noneOf(TaskState.class));
    ALLOWED.put(FAILED, EnumSet.of(PENDING));
    ALLOWED.put(CANCELLED, EnumSet.noneOf(TaskState.class));
    ALLOWED.put(SKIPPED, EnumSet.of(PENDING));
  }

  /** Whether the transition table allows moving from this state to {@code next}. */
  public boolean canMoveTo(TaskState next) {
    return ALLOWED.get(this).contains(next);
  }

  /** The states this one may move to. */
  public Set<TaskState> successors() {
    return Collections.unmodifiableSet(ALLOWED.get(this));
  }

  /**
   * Returns {@code next} if the table allows the move.
   *
   * @throws IllegalTransitionException otherwise
   */
  public TaskState moveTo(TaskState next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException("task", this, next);
    }
    return next;
  }

  /**
   * Whether the task is done for good (until an operator retries a failed task, which reopens it
   * and the tasks skipped because of it).
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == SKIPPED;
  }
}
