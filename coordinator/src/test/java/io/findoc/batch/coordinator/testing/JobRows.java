package io.findoc.batch.coordinator.testing;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobRow;
import java.time.Instant;
import java.util.UUID;

/**
 * Job rows as the database would give them, for tests of what is computed from one: a {@code noop}
 * job of the tenant {@code acme} with {@code succeeded} of its {@code total} tasks done, started at
 * {@code startedAt} and finished 5 s later if its state is final.
 */
public final class JobRows {

  private JobRows() {}

  public static JobRow of(
      UUID id, JobState state, int total, int succeeded, Instant startedAt, Instant deadline) {
    return new JobRow(
        id,
        "acme",
        "job",
        Priority.NORMAL,
        "noop",
        "{}",
        "{}",
        3,
        "FIFO",
        false,
        state,
        null,
        new JobCounts(total, 0, 0, 0, succeeded, 0, 0, 0),
        startedAt,
        startedAt,
        state.isFinished() ? startedAt.plusSeconds(5) : null,
        deadline,
        new JobRow.Rollback(0, 0, 0));
  }
}
