package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint as stored; the secrets never leave the coordinator after creation. */
public record WebhookEndpointRow(
    UUID id,
    String tenantId,
    String url,
    List<String> eventTypes,
    UUID jobId,
    boolean enabled,
    String disabledReason,
    String secret,
    Instant previousSecretUntil,
    Instant createdAt,
    Instant updatedAt) {}
