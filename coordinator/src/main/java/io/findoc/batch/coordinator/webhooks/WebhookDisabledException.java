package io.findoc.batch.coordinator.webhooks;

import java.util.UUID;

/** A delivery was asked of an endpoint that is disabled: nothing would send it. */
public class WebhookDisabledException extends RuntimeException {

  public WebhookDisabledException(UUID endpoint, String reason) {
    super(
        "webhook "
            + endpoint
            + " is disabled ("
            + (reason == null ? "no reason given" : reason)
            + "); enable it (PATCH {\"enabled\": true}) before asking for a redelivery");
  }
}
