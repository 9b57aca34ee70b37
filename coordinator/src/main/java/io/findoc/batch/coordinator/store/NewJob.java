package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.UUID;

/**
 * The columns of a job being inserted; JSON as text, priority, state and task order by name; {@code
 * deadline} may be null, and so may the failure policy's fields where the submission left them to
 * the defaults.
 */
public record NewJob(
    UUID id,
    String tenantId,
    String name,
    String priority,
    String processor,
    String options,
    String metadata,
    int maxAttempts,
    String state,
    String taskOrder,
    boolean hasTaskDependencies,
    int total,
    Instant deadline,
    Long initialBackoffMs,
    Long maxBackoffMs,
    Integer failureThresholdCount,
    Double failureThresholdRatio,
    boolean failFast,
    String onFailure) {}
