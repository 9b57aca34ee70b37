package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery claimed for one attempt, with what the attempt needs: the endpoint's address and
 * secrets (the previous one only while it still signs) and the event.
 */
public record ClaimedDelivery(
    UUID id,
    int attempt,
    Instant retryFrom,
    UUID endpointId,
    String url,
    String secret,
    String previousSecret,
    UUID eventId,
    String eventType,
    Instant occurredAt,
    String data) {}
