package io.findoc.batch.coordinator.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CoalescedTest {

  /** A clock the test moves. */
  private static final class Hand extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final Hand clock = new Hand();
  private final Queue<Runnable> refresher = new ArrayDeque<>();
  private final AtomicInteger computations = new AtomicInteger();

  /** Figures of a period of one second, computed by {@code compute} or in the refresher. */
  private Coalesced<String, String> figures(Function<String, String> compute) {
    return new Coalesced<>(clock, Duration.ofSeconds(1), compute, refresher::add);
  }

  @Test
  void everyTabOfATenantSharesOneComputationPerSecond() {
    List<String> computed = new ArrayList<>();
    Coalesced<String, String> figures =
        new Coalesced<>(
            clock,
            Duration.ofSeconds(1),
            tenant -> {
              computed.add(tenant);
              return tenant + "#" + computed.size();
            },
            Runnable::run);

    assertThat(figures.get("acme")).isEqualTo("acme#1");
    clock.now = clock.now.plusMillis(999);
    assertThat(figures.get("acme")).as("another tab within the second").isEqualTo("acme#1");
    assertThat(figures.get("globex")).as("another tenant's own").isEqualTo("globex#2");
    assertThat(figures.get(null)).as("the platform's own").isEqualTo("null#3");
    assertThat(figures.get(null)).isEqualTo("null#3");
    clock.now = clock.now.plusMillis(1);
    assertThat(figures.get("acme")).as("a second later").isEqualTo("acme#4");
    assertThat(computed).containsExactly("acme", "globex", null, "acme");
  }

  @Test
  void aTabAfterThePeriodGetsTheLastFiguresAtOnceWhileOneNewComputationRuns() {
    Coalesced<String, String> figures =
        figures(tenant -> tenant + "#" + computations.incrementAndGet());
    assertThat(figures.get("acme")).isEqualTo("acme#1");

    clock.now = clock.now.plusSeconds(2);
    assertThat(figures.get("acme")).as("the last figures, not waited for").isEqualTo("acme#1");
    assertThat(figures.get("acme")).isEqualTo("acme#1");
    assertThat(refresher).as("one computation for both tabs").hasSize(1);
    assertThat(computations).hasValue(1);

    refresher.remove().run();
    assertThat(figures.get("acme")).isEqualTo("acme#2");
    assertThat(refresher).isEmpty();

    clock.now = clock.now.plus(Duration.ofSeconds(Coalesced.STALE_PERIODS));
    assertThat(figures.get("acme"))
        .as("figures too old are computed while the tab waits")
        .isEqualTo("acme#3");
    assertThat(refresher).isEmpty();
  }

  @Test
  void aFailedComputationInTheBackgroundLeavesTheLastFiguresAndTriesAgain() {
    Coalesced<String, String> figures =
        figures(
            tenant -> {
              if (computations.incrementAndGet() == 2) {
                throw new IllegalStateException("the database is away");
              }
              return tenant + "#" + computations.get();
            });
    figures.get("acme");
    clock.now = clock.now.plusSeconds(2);
    figures.get("acme");

    refresher.remove().run();
    assertThat(figures.get("acme")).isEqualTo("acme#1");
    refresher.remove().run();
    assertThat(figures.get("acme")).isEqualTo("acme#3");
  }

  @Test
  void aPeriodMustBePositive() {
    assertThatThrownBy(
            () -> new Coalesced<String, String>(new Hand(), Duration.ZERO, t -> t, Runnable::run))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
