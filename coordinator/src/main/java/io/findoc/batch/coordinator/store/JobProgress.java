package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.JobState;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;

/** A job's state and counts right after its counters moved. */
public record JobProgress(UUID id, JobState state, @Nested JobCounts counts) {}
