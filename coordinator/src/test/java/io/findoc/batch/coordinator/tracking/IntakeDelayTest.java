package io.findoc.batch.coordinator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntakeDelayTest {

  private Instant now = Instant.parse("2026-12-03T12:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private void pass(Duration time) {
    now = now.plus(time);
  }

  @Test
  void untilTheIntakeAppliedOrIdledItsDelayIsTheTimeSinceStartUp() {
    IntakeDelay delay = new IntakeDelay(clock);
    pass(Duration.ofSeconds(7));
    assertThat(delay.grace()).isEqualTo(Duration.ofSeconds(7));

    delay.idle();
    assertThat(delay.grace()).isZero();
  }

  @Test
  void theDelayIsTheAgeOfTheOldestRecordOfTheLastBatchApplied() {
    IntakeDelay delay = new IntakeDelay(clock);
    delay.applied(now.minusSeconds(3));
    pass(Duration.ofSeconds(10));
    assertThat(delay.grace()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void whileABatchFailsTheDelayGrowsFromItsOldestRecordUntilItApplies() {
    IntakeDelay delay = new IntakeDelay(clock);
    delay.applied(now);
    Instant stuck = now;
    pass(Duration.ofSeconds(1));
    delay.failed(stuck);
    pass(Duration.ofSeconds(20));
    delay.idle(); // polls with its partitions paused between tries say nothing
    delay.failed(stuck);
    assertThat(delay.grace()).isEqualTo(Duration.ofSeconds(21));

    delay.applied(stuck);
    assertThat(delay.grace()).isEqualTo(Duration.ofSeconds(21));
    delay.applied(now.minusMillis(5));
    assertThat(delay.grace()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void partitionsAssignedMayHaveGoneUnreadForASessionTimeoutUntilTheIntakeAppliesOrIdles() {
    IntakeDelay delay = new IntakeDelay(clock);
    delay.applied(now.minusMillis(20));
    pass(Duration.ofSeconds(1));
    delay.assigned(Duration.ofSeconds(10));
    assertThat(delay.grace()).isEqualTo(Duration.ofSeconds(10));
    pass(Duration.ofSeconds(2));
    assertThat(delay.grace()).isEqualTo(Duration.ofSeconds(12));

    delay.applied(now.minusSeconds(11)); // the backlog of the partitions taken over
    assertThat(delay.grace()).isEqualTo(Duration.ofSeconds(11));
    delay.idle();
    assertThat(delay.grace()).isZero();
  }

  @Test
  void recordsFromTheFutureMeanNoDelay() {
    IntakeDelay delay = new IntakeDelay(clock);
    delay.applied(now.plusSeconds(60));
    assertThat(delay.grace()).isZero();
    assertThat(delay.graceInterval()).isEqualTo("0 milliseconds");
  }
}
