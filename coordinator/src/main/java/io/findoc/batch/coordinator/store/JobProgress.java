package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.JobState;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/** A job's state and counts right after its counters moved, with its failure policy. */
public record JobProgress(
    UUID id, JobState state, @Nested JobCounts counts, @Nested FailurePolicy policy) {

  @JdbiConstructor
  public JobProgress {}

  /** A job without a failure policy. */
  public JobProgress(UUID id, JobState state, JobCounts counts) {
    this(id, state, counts, FailurePolicy.NONE);
  }
}
