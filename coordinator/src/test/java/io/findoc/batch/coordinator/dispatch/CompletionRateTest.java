package io.findoc.batch.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompletionRateTest {

  private final AtomicLong now = new AtomicLong();
  private final CompletionRate rate = new CompletionRate(now::get);

  @Test
  void startsAtZeroAndMovesHalfWayTowardsEachNewWindow() {
    assertThat(rate.perSecond()).isZero();
    rate.record(500);
    now.addAndGet(500_000_000L);
    assertThat(rate.perSecond()).isCloseTo(1000, within(0.001));
    rate.record(1000);
    now.addAndGet(500_000_000L);
    assertThat(rate.perSecond()).isCloseTo(1500, within(0.001));
  }

  @Test
  void keepsItsValueWithinAWindow() {
    rate.record(100);
    now.addAndGet(1_000_000_000L);
    double first = rate.perSecond();
    rate.record(100_000);
    now.addAndGet(100_000_000L);
    assertThat(rate.perSecond()).isEqualTo(first);
  }
}
