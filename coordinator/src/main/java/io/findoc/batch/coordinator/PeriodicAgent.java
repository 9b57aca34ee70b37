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
 * DependencyResolver}, the {@code LeaseReaper} and the {@code ControlJanitor} are such agents. An
 * agent given a {@link WakeUpSignal} also runs a pass as soon as the signal is raised (the {@code
 * OutboxRelay} when events were committed, the {@code WebhookDeliverer} when deliveries were
 * created or a slot freed); {@code period} is then the longest wait between passes.
 */
public abstract class PeriodicAgent implements SmartLifecycle {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final Duration period;
  private final WakeUpSignal signal;
  private ScheduledExecutorService timer;

  protected PeriodicAgent(String name, Duration period) {
    this(name, period, null);
  }

  /** An agent that also runs a pass whenever {@code signal} is raised. */
  protected PeriodicAgent(String name, Duration period, WakeUpSignal signal) {
    this.name = name;
    this.period = period;
    this.signal = signal;
  }

  /** One pass of the agent's work. */
  protected abstract void runPass();

  /** Runs a pass; returns false if it failed. */
  private boolean runSafely() {
    try {
      runPass();
      return true;
    } catch (RuntimeException e) {
      log.warn("{} failed; trying again in {}.", name, period, e);
      return false;
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
      if (signal == null) {
        timer.scheduleWithFixedDelay(
            this::runSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        timer.execute(this::runWhenWokenOrDue);
      }
    }
  }

  private void runWhenWokenOrDue() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        signal.await(period);
      } catch (InterruptedException e) {
        return; // stopped
      }
      if (!runSafely()) {
        try {
          Thread.sleep(period.toMillis()); // wake-ups do not turn a failing pass into a busy loop
        } catch (InterruptedException e) {
          return;
        }
      }
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
