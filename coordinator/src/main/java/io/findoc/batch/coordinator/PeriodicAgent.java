package io.findoc.batch.coordinator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background agent that does one pass of its work every {@code period} on a thread of its own,
 * from start to stop; a failed pass is logged and the next one tries again. The {@code
 * DependencyResolver}, the {@code LeaseReaper} and the {@code ControlJanitor} are such agents.
 */
public abstract class PeriodicAgent implements SmartLifecycle {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final Duration period;
  private ScheduledExecutorService timer;

  protected PeriodicAgent(String name, Duration period) {
    this.name = name;
    this.period = period;
  }

  /** One pass of the agent's work. */
  protected abstract void runPass();

  private void runSafely() {
    try {
      runPass();
    } catch (RuntimeException e) {
      log.warn("{} failed; trying again in {}.", name, period, e);
    }
  }

  @Override
  public synchronized void start() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleWithFixedDelay(
          this::runSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
