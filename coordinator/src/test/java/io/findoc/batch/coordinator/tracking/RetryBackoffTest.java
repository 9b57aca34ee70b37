package io.findoc.batch.coordinator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff =
      new RetryBackoff(
          new CoordinatorProperties.Retry(Duration.ofSeconds(1), Duration.ofMinutes(1)));

  @RepeatedTest(20)
  void waitDoublesPerAttemptWithJitterOfUpToHalf() {
    assertThat(backoff.after(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(backoff.after(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(backoff.after(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void waitIsCappedAtTheMaximumEvenForHugeAttemptNumbers() {
    for (int attempt : new int[] {7, 30, 64, 1000, Integer.MAX_VALUE}) {
      assertThat(backoff.after(attempt)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
    }
  }
}
