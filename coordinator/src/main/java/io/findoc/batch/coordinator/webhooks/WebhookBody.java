package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.coordinator.store.ClaimedDelivery;

/**
 * The body of a webhook, as Standard Webhooks recommends: {@code {"type", "timestamp", "data"}},
 * with the event's data as stored (the same JSON as the CloudEvent's data).
 */
final class WebhookBody {

  private WebhookBody() {}

  /** The body; the type and the time are values we wrote, so they need no escaping. */
  static String of(ClaimedDelivery delivery) {
    return "{\"type\":\""
        + delivery.eventType()
        + "\",\"timestamp\":\""
        + delivery.occurredAt()
        + "\",\"data\":"
        + delivery.data()
        + "}";
  }
}
