package io.findoc.batch.loadtests.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void arrivalsAreEvenlySpacedAtTheRateFromTheStart() {
    ArrivalSchedule schedule =
        ArrivalSchedule.at(250, Duration.ofSeconds(10), Duration.ofSeconds(30), START);

    assertThat(schedule.period()).isEqualTo(Duration.ofMillis(4));
    assertThat(schedule.warmUp()).isEqualTo(2500);
    assertThat(schedule.measured()).isEqualTo(7500);
    assertThat(schedule.due(0)).isEqualTo(START);
    assertThat(schedule.due(1)).isEqualTo(START.plusMillis(4));
    assertThat(schedule.due(9999)).isEqualTo(START.plusMillis(4 * 9999));
  }

  @Test
  void onlyArrivalsAfterTheWarmUpAreMeasured() {
    ArrivalSchedule schedule =
        ArrivalSchedule.at(10, Duration.ofSeconds(1), Duration.ofSeconds(2), START);

    assertThat(schedule.total()).isEqualTo(30);
    assertThat(schedule.inWindow(9)).isFalse();
    assertThat(schedule.inWindow(10)).isTrue();
    assertThat(schedule.inWindow(29)).isTrue();
    assertThat(schedule.inWindow(30)).isFalse();
  }

  @Test
  void theDueTimesDoNotDependOnWhenAnswersCome() {
    ArrivalSchedule schedule = ArrivalSchedule.at(3, Duration.ZERO, Duration.ofSeconds(10), START);

    // Fixed in advance: the 20th arrival is due at 19 periods whatever happened before it.
    assertThat(schedule.offset(19)).isEqualTo(schedule.period().multipliedBy(19));
    assertThat(schedule.period()).isEqualTo(Duration.ofNanos(333_333_333));
  }

  @Test
  void aSlowRateStillMeasuresOneArrival() {
    ArrivalSchedule schedule = ArrivalSchedule.at(0.1, Duration.ZERO, Duration.ofSeconds(3), START);

    assertThat(schedule.measured()).isEqualTo(1);
  }

  @Test
  void aRateThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> ArrivalSchedule.at(0, Duration.ZERO, Duration.ofSeconds(1), START))
        .hasMessageContaining("rate must be positive");
    assertThatThrownBy(
            () -> ArrivalSchedule.at(Double.NaN, Duration.ZERO, Duration.ofSeconds(1), START))
        .hasMessageContaining("rate must be positive");
  }

  @Test
  void anArrivalOutsideTheScheduleIsRefused() {
    ArrivalSchedule schedule = ArrivalSchedule.at(1, Duration.ZERO, Duration.ofSeconds(2), START);

    assertThatThrownBy(() -> schedule.due(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
