package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;

/**
 * A job as stored; {@code options} and {@code metadata} are JSON text, {@code stateReason} says why
 * the job is in its state where that is not obvious (may be null), {@code deadline} when the client
 * wants it finished (may be null).
 */
public record JobRow(
    UUID id,
    String tenantId,
    String name,
    Priority priority,
    String processor,
    String options,
    String metadata,
    int maxAttempts,
    String taskOrder,
    boolean hasTaskDependencies,
    JobState state,
    String stateReason,
    @Nested JobCounts counts,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    @Nullable Instant deadline,
    @Nested Rollback rollback) {

  /**
   * The compensations of a job that rolled back (all zero otherwise): how many ran, succeeded and
   * failed for good.
   */
  public record Rollback(int compensations, int compensated, int compensationFailed) {}
}
