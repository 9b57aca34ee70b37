package io.findoc.batch.common.agent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background agent that does one pass of its work every {@code period} on a thread of its own,
 * from {@link #start} to {@link #stop}; a failed pass is logged, counted ({@link #onFailedPass}),
 * and the next one tries again. No framework: an application registers its agents with its own
 * lifecycle (a Spring bean adds {@code SmartLifecycle}, whose methods these are).
 *
 * <p>The first pass runs one period after start, or at once for an agent built with {@link
 * Start#AT_ONCE}. An agent given a {@link WakeUpSignal} also runs a pass as soon as the signal is
 * raised; {@code period} is then the longest wait between passes.
 */
public abstract class PeriodicAgent {

  /** When the first pass runs. */
  public enum Start {
    /** As soon as the agent starts. */
    AT_ONCE,
    /** One period after the agent starts. */
    AFTER_A_PERIOD
  }

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final Duration period;
  private final Start first;
  private final WakeUpSignal signal;
  private volatile Runnable failureCounter = () -> {};
  private ScheduledExecutorService timer;

  /** An agent whose first pass runs one period after start. */
  protected PeriodicAgent(String name, Duration period) {
    this(name, period, Start.AFTER_A_PERIOD, null);
  }

  /** An agent whose first pass runs as {@code first} says. */
  protected PeriodicAgent(String name, Duration period, Start first) {
    this(name, period, first, null);
  }

  /** An agent that also runs a pass whenever {@code signal} is raised. */
  protected PeriodicAgent(String name, Duration period, WakeUpSignal signal) {
    this(name, period, Start.AFTER_A_PERIOD, signal);
  }

  private PeriodicAgent(String name, Duration period, Start first, WakeUpSignal signal) {
    this.name = name;
    this.period = period;
    this.first = first;
    this.signal = signal;
  }

  /** The agent's name: its thread's, and the one its failed passes are counted under. */
  public final String name() {
    return name;
  }

  /** How long the agent waits between passes. */
  protected final Duration period() {
    return period;
  }

  /** Runs {@code counter} after each pass that failed (a metric, say); replaces the one before. */
  public final void onFailedPass(Runnable counter) {
    this.failureCounter = counter;
  }

  /** One pass of the agent's work. */
  protected abstract void runPass();

  /** What the log says when a pass failed: by default that the next one follows in a period. */
  protected void logFailure(RuntimeException e) {
    log.warn("{} failed; trying again in {}.", name, period, e);
  }

  /** Runs a pass; returns false if it failed. */
  private boolean runSafely() {
    try {
      runPass();
      return true;
    } catch (RuntimeException e) {
      failureCounter.run();
      logFailure(e);
      return false;
    }
  }

  /** Starts the agent's thread; does nothing if it runs. */
  public synchronized void start() {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
      if (signal == null) {
        long delay = first == Start.AT_ONCE ? 0 : period.toMillis();
        timer.scheduleWithFixedDelay(
            this::runSafely, delay, period.toMillis(), TimeUnit.MILLISECONDS);
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

  /**
   * Runs {@code task} on the agent's thread, after any pass under way; for work that must not
   * overlap a pass, such as a last message on stop. Null if the agent is not running.
   */
  protected final synchronized java.util.concurrent.Future<?> submit(
      java.util.concurrent.Callable<?> task) {
    return timer == null ? null : timer.submit(task);
  }

  /** Stops the agent's thread, interrupting a pass under way. */
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  public synchronized boolean isRunning() {
    return timer != null;
  }
}
