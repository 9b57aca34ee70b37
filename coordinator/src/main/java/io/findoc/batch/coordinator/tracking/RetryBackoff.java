package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after attempt {@code n} fails, the next waits between half and
 * all of {@code initial * 2^(n-1)}, capped at {@code max}, so retries of many tasks that failed
 * together spread out.
 */
final class RetryBackoff {

  private final Duration initial;
  private final Duration max;

  RetryBackoff(CoordinatorProperties.Retry settings) {
    this.initial = settings.initialBackoff();
    this.max = settings.maxBackoff();
  }

  Duration after(int failedAttempt) {
    int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
    long ceiling = Math.min(max.toMillis(), initial.toMillis() << doublings);
    if (ceiling <= 0) {
      ceiling = max.toMillis();
    }
    long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    return Duration.ofMillis(jittered);
  }
}
