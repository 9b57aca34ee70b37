package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: after {@code initial-backoff} doubled per attempt up to
 * {@code max-backoff}, with "equal jitter" (half the wait fixed, half random) so that many
 * deliveries failing together do not come back together; or after the endpoint's {@code
 * Retry-After}, as asked. Never past the horizon counted from the delivery's first attempt (or its
 * redelivery): then it is given up.
 */
final class DeliveryBackoff {

  private final Duration initial;
  private final Duration max;
  private final Duration horizon;

  DeliveryBackoff(CoordinatorProperties.Webhooks settings) {
    this.initial = settings.initialBackoff();
    this.max = settings.maxBackoff();
    this.horizon = settings.horizon();
  }

  /**
   * The next attempt's due time after failed attempt {@code attempt} (1 for the first), or empty to
   * give up.
   *
   * @param retryAfter what the endpoint asked for, or null
   */
  Optional<Instant> next(int attempt, Instant retryFrom, Instant now, Duration retryAfter) {
    Duration wait = retryAfter != null ? retryAfter : jittered(attempt);
    Instant due = now.plus(wait);
    return due.isAfter(retryFrom.plus(horizon)) ? Optional.empty() : Optional.of(due);
  }

  /** The wait without jitter: what tests and the documentation count on. */
  Duration nominal(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    Duration wait = initial.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
  }

  private Duration jittered(int attempt) {
    long millis = nominal(attempt).toMillis();
    long half = millis / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(millis - half + 1));
  }
}
