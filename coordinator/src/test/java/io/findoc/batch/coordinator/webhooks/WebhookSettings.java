package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.util.List;

/** {@code findoc.webhooks} settings for unit tests: timeouts, backoffs and limits fixed here. */
final class WebhookSettings {

  private WebhookSettings() {}

  /** The settings, loopback addresses allowed or not. */
  static CoordinatorProperties.Webhooks allowingLoopback(boolean allowLoopback) {
    return new CoordinatorProperties.Webhooks(
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        Duration.ofHours(1),
        Duration.ofHours(24),
        4,
        32,
        Duration.ofMillis(100),
        Duration.ofHours(24),
        allowLoopback,
        List.of(),
        10);
  }
}
