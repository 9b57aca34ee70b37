package io.findoc.batch.common.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentFailuresTest {

  @Test
  void eachFailedPassIsCountedUnderItsAgentsName() throws InterruptedException {
    CountDownLatch passes = new CountDownLatch(3);
    PeriodicAgent failing =
        new PeriodicAgent("always-failing", Duration.ofMillis(5), PeriodicAgent.Start.AT_ONCE) {
          @Override
          protected void runPass() {
            passes.countDown();
            throw new IllegalStateException("this pass fails");
          }
        };
    PeriodicAgent idle =
        new PeriodicAgent("idle", Duration.ofHours(1)) {
          @Override
          protected void runPass() {}
        };
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    new AgentFailures(List.of(failing, idle), meters);

    failing.start();
    try {
      assertThat(passes.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      failing.stop();
    }

    assertThat(meters.get("findoc.agent.failures").tag("agent", "always-failing").counter().count())
        .isGreaterThanOrEqualTo(2);
    assertThat(meters.get("findoc.agent.failures").tag("agent", "idle").counter().count()).isZero();
  }
}
