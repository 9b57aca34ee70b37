package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.TaskState;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Per-job changes of the task counters, collected while task rows change state and applied with
 * {@link JobCountStore#addCounts} in the same transaction. The accessors give parallel arrays
 * ordered by job id, so concurrent transactions lock job rows in one order.
 *
 * <p>Every task move the coordinator makes, in SQL or not, is counted here, so this is where the
 * moves meet {@link TaskState}'s transition table: each (from, to) pair is checked once, the first
 * time it is seen, and a pair the table forbids throws {@link
 * io.findoc.batch.common.state.IllegalTransitionException}, which rolls back the transaction that
 * made the move. A row left in the state it was in (a redelivered deferral of a PENDING attempt) is
 * no move, and no pair to check; its counters add up to nothing.
 */
public final class CountDeltas {

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int RETRY_WAIT = 2;
  private static final int SUCCEEDED = 3;
  private static final int FAILED = 4;
  private static final int CANCELLED = 5;
  private static final int SKIPPED = 6;

  private static final int STATES = TaskState.values().length;

  private final Map<UUID, int[]> byJob = new TreeMap<>();
  private final boolean[] checked = new boolean[STATES * STATES];
  private int moves;

  /** Counts one task of {@code job} moving from {@code from} to {@code to}. */
  public void move(UUID job, TaskState from, TaskState to) {
    move(job, from, to, 1);
  }

  /**
   * Counts {@code tasks} tasks of {@code job} moving from {@code from} to {@code to}.
   *
   * @throws io.findoc.batch.common.state.IllegalTransitionException if the table forbids the move
   */
  public void move(UUID job, TaskState from, TaskState to, int tasks) {
    int pair = from.ordinal() * STATES + to.ordinal();
    if (!checked[pair] && from != to) {
      from.moveTo(to);
      checked[pair] = true;
    }
    int[] counts = byJob.computeIfAbsent(job, id -> new int[7]);
    add(counts, from, -tasks);
    add(counts, to, tasks);
    moves += tasks;
  }

  /** How many task moves were counted. */
  public int moves() {
    return moves;
  }

  private static void add(int[] counts, TaskState state, int delta) {
    switch (state) {
      case QUEUED -> counts[QUEUED] += delta;
      case RUNNING -> counts[RUNNING] += delta;
      case RETRY_WAIT -> counts[RETRY_WAIT] += delta;
      case SUCCEEDED -> counts[SUCCEEDED] += delta;
      case FAILED -> counts[FAILED] += delta;
      case CANCELLED -> counts[CANCELLED] += delta;
      case SKIPPED -> counts[SKIPPED] += delta;
      case PENDING -> {
        // Not counted: pending is what the other counters leave of the total.
      }
    }
  }

  public boolean isEmpty() {
    return byJob.isEmpty();
  }

  public UUID[] ids() {
    return byJob.keySet().toArray(UUID[]::new);
  }

  public int[] queued() {
    return column(QUEUED);
  }

  public int[] running() {
    return column(RUNNING);
  }

  public int[] retryWait() {
    return column(RETRY_WAIT);
  }

  public int[] succeeded() {
    return column(SUCCEEDED);
  }

  public int[] failed() {
    return column(FAILED);
  }

  public int[] cancelled() {
    return column(CANCELLED);
  }

  public int[] skipped() {
    return column(SKIPPED);
  }

  private int[] column(int index) {
    return byJob.values().stream().mapToInt(counts -> counts[index]).toArray();
  }
}
