package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.message.Priority;
import java.util.UUID;

/** What every task message of a job repeats; {@code options} is JSON text. */
public record JobDispatchInfo(
    UUID id, String tenantId, Priority priority, String processor, String options) {}
