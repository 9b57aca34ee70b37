package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.UUID;

/** A job's tenant and submission time, which the task figures are tagged with. */
public record JobInfo(UUID id, String tenantId, Instant createdAt) {}
