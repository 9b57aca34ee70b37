package io.findoc.batch.coordinator.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void everyTabOfATenantSharesOneComputationPerSecond() {
    Hand clock = new Hand();
    List<String> computed = new ArrayList<>();
    Coalesced<String, String> figures =
        new Coalesced<>(
            clock,
            Duration.ofSeconds(1),
            tenant -> {
              computed.add(tenant);
              return tenant + "#" + computed.size();
            });

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
  void aPeriodMustBePositive() {
    assertThatThrownBy(() -> new Coalesced<String, String>(new Hand(), Duration.ZERO, t -> t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
