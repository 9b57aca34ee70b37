package io.findoc.batch.coordinator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

  private final DeliveryBackoff backoff =
      new DeliveryBackoff(WebhookSettings.allowingLoopback(false));
  private final Instant start = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void waitsDoublePerAttemptUpToTheLongest() {
    assertThat(backoff.nominal(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.nominal(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.nominal(5)).isEqualTo(Duration.ofSeconds(80));
    assertThat(backoff.nominal(40)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void jitterKeepsTheWaitBetweenHalfAndAll() {
    for (int i = 0; i < 100; i++) {
      Duration wait = Duration.between(start, backoff.next(3, start, start, null).orElseThrow());
      assertThat(wait).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }
  }

  @Test
  void retryAfterIsTakenAsAsked() {
    assertThat(backoff.next(1, start, start, Duration.ofSeconds(120)))
        .contains(start.plusSeconds(120));
  }

  @Test
  void aDeliveryIsGivenUpPastTheHorizon() {
    Instant late = start.plus(Duration.ofHours(23).plusMinutes(59).plusSeconds(59));
    assertThat(backoff.next(30, start, late, null)).isEmpty();
    assertThat(backoff.next(1, start, start, Duration.ofHours(25))).isEmpty();
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(RetryAfter.parse("7", start)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Wed, 01 Jan 2025 00:01:00 GMT", start))
        .contains(Duration.ofMinutes(1));
    assertThat(RetryAfter.parse("soon", start)).isEmpty();
    assertThat(RetryAfter.parse("-1", start)).isEmpty();
    assertThat(RetryAfter.parse("999999999", start)).contains(RetryAfter.LONGEST);
  }
}
