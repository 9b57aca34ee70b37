package io.findoc.batch.common.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicAgentTest {

  /** Fails its first {@code failing} passes, then counts the passes that succeed. */
  private static final class Flaky extends PeriodicAgent {
    final AtomicInteger passes = new AtomicInteger();
    final CountDownLatch succeeded = new CountDownLatch(2);
    private final int failing;

    Flaky(Start first, int failing) {
      super("flaky", Duration.ofMillis(5), first);
      this.failing = failing;
    }

    @Override
    protected void runPass() {
      if (passes.incrementAndGet() <= failing) {
        throw new IllegalStateException("pass " + passes.get() + " fails");
      }
      succeeded.countDown();
    }
  }

  @Test
  void aFailedPassIsCountedAndTheNextOneRuns() throws InterruptedException {
    Flaky agent = new Flaky(PeriodicAgent.Start.AT_ONCE, 2);
    AtomicInteger failures = new AtomicInteger();
    agent.onFailedPass(failures::incrementAndGet);

    agent.start();
    try {
      assertThat(agent.succeeded.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      agent.stop();
    }

    assertThat(failures).hasValue(2);
    assertThat(agent.name()).isEqualTo("flaky");
  }

  @Test
  void runsFromStartToStop() throws InterruptedException {
    Flaky agent = new Flaky(PeriodicAgent.Start.AFTER_A_PERIOD, 0);
    assertThat(agent.isRunning()).isFalse();

    agent.start();
    agent.start();
    assertThat(agent.isRunning()).isTrue();
    assertThat(agent.succeeded.await(30, TimeUnit.SECONDS)).isTrue();
    agent.stop();

    assertThat(agent.isRunning()).isFalse();
  }

  @Test
  void aSignalledAgentRunsAPassWhenWoken() throws InterruptedException {
    WakeUpSignal signal = new WakeUpSignal();
    CountDownLatch woken = new CountDownLatch(1);
    PeriodicAgent agent =
        new PeriodicAgent("signalled", Duration.ofHours(1), signal) {
          @Override
          protected void runPass() {
            woken.countDown();
          }
        };

    agent.start();
    try {
      signal.wakeUp();
      assertThat(woken.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      agent.stop();
    }
  }
}
