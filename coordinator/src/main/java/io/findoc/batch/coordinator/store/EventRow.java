package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.UUID;

/** One job event of the outbox; {@code data} is its JSON payload. */
public record EventRow(
    long seq, UUID id, UUID jobId, String tenantId, String type, Instant occurredAt, String data) {}
