package io.findoc.batch.worker.intake;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.worker.config.WorkerProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Bounds the tasks taken off Kafka and not yet done, per priority: when one priority reaches its
 * budget it pauses that priority's intake container (the consumer keeps polling, so its group
 * membership holds), and resumes it when half are done. The other priorities keep flowing, so a
 * full backlog of one never stops the others from reaching the processor threads.
 *
 * <p>The budget follows how long the priority's tasks take: enough queued to keep each thread busy
 * for {@link #REFILL} (the time a resumed container takes to bring more), at least {@link
 * #MIN_QUEUED_PER_THREAD} per thread, at most {@code findoc.worker.max-in-flight}. Quick tasks get
 * the whole budget; tasks of a second keep about two per thread queued, so that a worker does not
 * sit on the tail of a job while another worker has nothing left to do. A pause takes effect before
 * the container's next poll: the records of the current poll (up to {@code max-poll-records}) are
 * still taken.
 */
@Component
public class IntakeThrottle {

  /** How long the queued tasks should keep a thread busy while more are fetched. */
  static final Duration REFILL = Duration.ofMillis(25);

  /** The fewest tasks queued per processor thread, whatever their duration. */
  static final int MIN_QUEUED_PER_THREAD = 2;

  /** The weight of the latest duration in the running average. */
  private static final double SMOOTHING = 0.05;

  private final int maxInFlight;
  private final Map<Priority, Lane> lanes = new EnumMap<>(Priority.class);
  private boolean draining;
  private boolean held;

  public IntakeThrottle(WorkerProperties properties, MeterRegistry meters) {
    this.maxInFlight = properties.worker().intake().maxInFlight();
    for (Priority priority : Priority.values()) {
      Lane lane = new Lane(maxInFlight);
      lanes.put(priority, lane);
      Gauge.builder("findoc.worker.in.flight", lane.inFlight, AtomicInteger::get)
          .tag("priority", priority.wireName())
          .description("tasks taken off Kafka and not yet reported done")
          .register(meters);
      Gauge.builder("findoc.worker.in.flight.budget", lane, l -> l.budget)
          .tag("priority", priority.wireName())
          .description("tasks of the priority the worker takes before it pauses its intake")
          .register(meters);
    }
  }

  /** The tasks of one priority in flight, their budget, and the container that takes them. */
  private static final class Lane {
    final AtomicInteger inFlight = new AtomicInteger();
    volatile int budget;
    double averageNanos = -1;
    MessageListenerContainer container;
    boolean paused;

    Lane(int budget) {
      this.budget = budget;
    }

    int high() {
      return budget;
    }

    int low() {
      return budget / 2;
    }
  }

  /** Hands over the intake container of {@code priority}, to pause and resume; once, at startup. */
  public synchronized void register(Priority priority, MessageListenerContainer container) {
    lanes.get(priority).container = container;
  }

  /** Tasks of {@code priority} taken off Kafka and not yet reported done. */
  public int inFlight(Priority priority) {
    return lanes.get(priority).inFlight.get();
  }

  /** Whether intake is held for resources ({@link ResourceGuard}). */
  public synchronized boolean isHeld() {
    return held;
  }

  /**
   * Holds (pauses) or releases every priority's intake for resources, whatever their in-flight
   * counts; released, a priority resumes unless its in-flight budget keeps it paused.
   */
  public synchronized void hold(boolean hold) {
    held = hold;
    for (Lane lane : lanes.values()) {
      setPaused(lane, hold || lane.inFlight.get() >= lane.high());
    }
  }

  void taken(Priority priority) {
    Lane lane = lanes.get(priority);
    if (lane.inFlight.incrementAndGet() >= lane.high()) {
      setPaused(lane, true);
    }
  }

  /**
   * A task of {@code priority} is done (reported and acknowledged).
   *
   * @param processingNanos how long its attempt ran
   * @param threads the processor threads of its pool
   */
  void done(Priority priority, long processingNanos, int threads) {
    Lane lane = lanes.get(priority);
    resize(lane, processingNanos, threads);
    int left = lane.inFlight.decrementAndGet();
    if (left == 0) {
      synchronized (this) {
        notifyAll();
      }
    }
    if (left <= lane.low()) {
      setPaused(lane, false);
    } else if (left >= lane.high()) {
      setPaused(lane, true);
    }
  }

  private void resize(Lane lane, long processingNanos, int threads) {
    int budget;
    synchronized (lane) {
      lane.averageNanos =
          lane.averageNanos < 0
              ? processingNanos
              : lane.averageNanos + SMOOTHING * (processingNanos - lane.averageNanos);
      budget = budgetFor(lane.averageNanos, threads, maxInFlight);
    }
    lane.budget = budget;
  }

  /**
   * The in-flight budget for tasks of {@code averageNanos} on {@code threads} threads: those
   * running, plus enough queued to last {@link #REFILL}, at least {@link #MIN_QUEUED_PER_THREAD}
   * per thread; at most {@code maxInFlight}.
   */
  static int budgetFor(double averageNanos, int threads, int maxInFlight) {
    double queuedPerThread =
        Math.max(MIN_QUEUED_PER_THREAD, REFILL.toNanos() / Math.max(1.0, averageNanos));
    double budget = threads * (1 + Math.ceil(queuedPerThread));
    return (int) Math.min(maxInFlight, budget);
  }

  /**
   * Stops taking tasks of every priority and waits until every task taken has been reported and
   * acknowledged, for up to {@code grace}.
   *
   * @return whether all were done in time
   */
  synchronized boolean drain(Duration grace) throws InterruptedException {
    draining = true;
    for (Lane lane : lanes.values()) {
      if (lane.container != null) {
        lane.container.pause();
        lane.paused = true;
      }
    }
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /**
   * Takes no new task until {@link #startTaking}: pauses every container and keeps those not yet
   * started from starting (an operator's drain, which a restarted worker reads before its
   * containers start).
   */
  public synchronized void stopTaking() {
    draining = true;
    for (Lane lane : lanes.values()) {
      if (lane.container != null) {
        lane.container.setAutoStartup(false);
        lane.container.pause();
        lane.paused = true;
      }
    }
  }

  /** Waits until every task taken has been reported and acknowledged. */
  public synchronized void awaitIdle() throws InterruptedException {
    while (inFlight() > 0) {
      wait();
    }
  }

  /**
   * Stops the intake containers, which commit their offsets and leave their consumer groups, so
   * their partitions go to the other workers. Outside this monitor: a stop waits for the consumer
   * threads, which report to it.
   */
  public void stopContainers() {
    for (MessageListenerContainer container : containers()) {
      container.stop();
    }
  }

  /** Takes tasks again after {@link #stopTaking}: starts stopped containers and resumes them. */
  public void startTaking() {
    synchronized (this) {
      draining = false;
    }
    for (MessageListenerContainer container : containers()) {
      container.setAutoStartup(true);
      if (!container.isRunning()) {
        container.start();
      }
    }
    synchronized (this) {
      for (Lane lane : lanes.values()) {
        if (lane.container != null && !held) {
          lane.container.resume();
          lane.paused = false;
        }
      }
    }
  }

  private synchronized List<MessageListenerContainer> containers() {
    return lanes.values().stream().map(lane -> lane.container).filter(Objects::nonNull).toList();
  }

  private int inFlight() {
    return lanes.values().stream().mapToInt(lane -> lane.inFlight.get()).sum();
  }

  private synchronized void setPaused(Lane lane, boolean pause) {
    boolean wanted =
        pause
            ? held || lane.inFlight.get() >= lane.high()
            : !held && lane.inFlight.get() <= lane.low();
    if (pause == lane.paused || !wanted || draining || lane.container == null) {
      return;
    }
    if (pause) {
      lane.container.pause();
    } else {
      lane.container.resume();
    }
    lane.paused = pause;
  }
}
