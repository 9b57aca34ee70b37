package io.findoc.batch.coordinator.webhooks;

import jakarta.annotation.Nullable;
import java.time.Duration;

/** What became of one attempt to deliver a webhook, before it is recorded. */
sealed interface DeliveryOutcome {

  /** The endpoint answered 2xx. */
  record Delivered(int status, int latencyMs) implements DeliveryOutcome {}

  /** The endpoint answered 410 Gone: it is to be disabled. */
  record Gone(int latencyMs) implements DeliveryOutcome {

    static final int STATUS = 410;
  }

  /**
   * The attempt failed: another answer ({@code status}), or none (null: timed out, refused, the
   * address not allowed); retried with backoff, no earlier than {@code retryAfter} if the endpoint
   * asked for it.
   */
  record Failed(
      @Nullable Integer status, int latencyMs, String error, @Nullable Duration retryAfter)
      implements DeliveryOutcome {

    Failed(@Nullable Integer status, int latencyMs, String error) {
      this(status, latencyMs, error, null);
    }
  }

  /** The sender was interrupted (the coordinator stops): nothing to record, the lease runs out. */
  record Interrupted() implements DeliveryOutcome {}
}
