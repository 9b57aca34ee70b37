package io.findoc.batch.worker.intake;

import io.findoc.batch.worker.config.WorkerProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets a stopping worker finish what it has taken before its intake containers stop: the three
 * pause, and the stop waits (up to {@code findoc.worker.shutdown-grace}) until every taken task's
 * final report is on the broker and acknowledged. The containers then commit their offsets as they
 * stop, so a rolling restart runs nothing twice.
 */
@Component
public class IntakeDrain implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeDrain.class);

  private final IntakeThrottle throttle;
  private final Duration grace;
  private volatile boolean running;

  public IntakeDrain(IntakeThrottle throttle, WorkerProperties properties) {
    this.throttle = throttle;
    this.grace = properties.worker().execution().shutdownGrace();
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    try {
      if (!throttle.drain(grace)) {
        LOG.warn(
            "Tasks still running after {}; the worker stops anyway, and their messages, not"
                + " committed, run again on another worker.",
            grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the listener containers (phase {@code Integer.MAX_VALUE - 100}). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 50;
  }
}
