package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A job event of the outbox that was relayed, with when: {@code (relayedAt, seq)} is its position
 * in the order the event streams read ({@code EventStore.findRelayedAfter}).
 */
public record RelayedEvent(
    long seq,
    UUID id,
    UUID jobId,
    String tenantId,
    String type,
    Instant occurredAt,
    String data,
    Instant relayedAt) {}
