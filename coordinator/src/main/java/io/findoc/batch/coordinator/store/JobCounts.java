package io.findoc.batch.coordinator.store;

/**
 * How many of a job's tasks are in each state. The database keeps these as counters on the job row,
 * moved by deltas in the same transaction as the task rows; {@link #pending()} is what the others
 * leave of the total.
 */
public record JobCounts(
    int total,
    int queued,
    int running,
    int retryWait,
    int succeeded,
    int failed,
    int cancelled,
    int skipped) {

  public int pending() {
    return total - queued - running - retryWait - terminal();
  }

  /** Tasks that are done: succeeded, failed, cancelled or skipped. */
  public int terminal() {
    return succeeded + failed + cancelled + skipped;
  }

  public boolean allTerminal() {
    return terminal() == total;
  }

  /** Whether any task has got further than being handed to Kafka. */
  public boolean anyStarted() {
    return running > 0 || retryWait > 0 || terminal() > 0;
  }
}
