package io.findoc.batch.coordinator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.findoc.batch.coordinator.store.WebhookEndpointRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint as the API shows it. {@code secret} is there only in the answer that created
 * or rotated it; {@code previousSecretExpiresAt} says until when the rotated secret still signs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
    UUID id,
    String url,
    List<String> eventTypes,
    UUID jobId,
    boolean enabled,
    String disabledReason,
    String secret,
    Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  static WebhookView of(WebhookEndpointRow row, String secret) {
    Instant previous =
        row.previousSecretUntil() != null && row.previousSecretUntil().isAfter(Instant.now())
            ? row.previousSecretUntil()
            : null;
    return new WebhookView(
        row.id(),
        row.url(),
        row.eventTypes(),
        row.jobId(),
        row.enabled(),
        row.disabledReason(),
        secret,
        previous,
        row.createdAt(),
        row.updatedAt());
  }
}
