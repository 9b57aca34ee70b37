package io.findoc.batch.common.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one task's compensation, when its job rolls back: a task that had SUCCEEDED keeps
 * that state, and its compensation runs beside it (column {@code task.compensation}, null for tasks
 * never to be compensated). Each constant names who moves it on; {@link #canMoveTo} is the one
 * transition table.
 */
public enum CompensationState {
  /**
   * To run: the job started rolling back, a worker deferred it, or the lease of its previous
   * attempt ran out (then as a new attempt). The {@code CompensationDispatcher} moves it to {@link
   * #QUEUED}; the {@code StatusAggregator} may move it on as from {@link #QUEUED} (the dispatcher
   * publishes before it commits).
   */
  PENDING,
  /**
   * Published to a task topic with {@code compensation: true}. The {@code StatusAggregator} moves
   * it on.
   */
  QUEUED,
  /**
   * A worker reported it started; it holds a lease that the worker's heartbeats extend. The {@code
   * StatusAggregator} moves it to a result; the {@code CompensationLeaseReaper} back to {@link
   * #PENDING} as a new attempt when the lease runs out, or to {@link #FAILED} ({@code
   * LEASE_EXPIRED}) after the job's last attempt.
   */
  RUNNING,
  /**
   * Failed with a retryable error and attempts remain (the job's {@code maxAttempts}); the attempt
   * number is already the next one. The {@code CompensationDispatcher} moves it to {@link #QUEUED}
   * once its backoff is over.
   */
  RETRY_WAIT,
  /** Terminal: the task's effect was undone. */
  DONE,
  /** Terminal: compensation failed permanently or ran out of attempts; the job ends FAILED. */
  FAILED;

  private static final Map<CompensationState, Set<CompensationState>> ALLOWED =
      new EnumMap<>(CompensationState.class);

  static {
    ALLOWED.put(PENDING, EnumSet.of(QUEUED, RUNNING, RETRY_WAIT, DONE, FAILED));
    ALLOWED.put(QUEUED, EnumSet.of(PENDING, RUNNING, RETRY_WAIT, DONE, FAILED));
    ALLOWED.put(RUNNING, EnumSet.of(PENDING, RETRY_WAIT, DONE, FAILED));
    ALLOWED.put(RETRY_WAIT, EnumSet.of(QUEUED));
    ALLOWED.put(DONE, EnumSet.noneOf(CompensationState.class));
    ALLOWED.put(FAILED, EnumSet.noneOf(CompensationState.class));
  }

  /** Whether the transition table allows moving from this state to {@code next}. */
  public boolean canMoveTo(CompensationState next) {
    return ALLOWED.get(this).contains(next);
  }

  /** The states this one may move to. */
  public Set<CompensationState> successors() {
    return Collections.unmodifiableSet(ALLOWED.get(this));
  }

  /**
   * Returns {@code next} if the table allows the move.
   *
   * @throws IllegalTransitionException otherwise
   */
  public CompensationState moveTo(CompensationState next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException("compensation", this, next);
    }
    return next;
  }

  /** Whether the compensation is over, done or failed. */
  public boolean isTerminal() {
    return this == DONE || this == FAILED;
  }
}
