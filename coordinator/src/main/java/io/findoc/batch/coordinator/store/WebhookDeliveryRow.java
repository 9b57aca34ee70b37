package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.UUID;

/** One event's delivery to one endpoint, as the delivery log shows it. */
public record WebhookDeliveryRow(
    UUID id,
    UUID eventId,
    String eventType,
    UUID jobId,
    String state,
    int attempt,
    Integer responseStatus,
    Integer latencyMs,
    String lastError,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Instant deliveredAt) {}
