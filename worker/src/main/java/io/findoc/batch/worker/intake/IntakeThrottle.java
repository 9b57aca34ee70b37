package io.findoc.batch.worker.intake;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.worker.config.WorkerProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Bounds the tasks taken off Kafka and not yet done, per priority: when one priority reaches {@code
 * findoc.worker.max-in-flight} it pauses that priority's intake container (the consumer keeps
 * polling, so its group membership holds), and resumes it when half are done. The other priorities
 * keep flowing, so a full backlog of one never stops the others from reaching the processor
 * threads.
 */
@Component
public class IntakeThrottle {

  private final int high;
  private final int low;
  private final Map<Priority, Lane> lanes = new EnumMap<>(Priority.class);
  private boolean draining;
  private boolean held;

  public IntakeThrottle(WorkerProperties properties, MeterRegistry meters) {
    this.high = properties.worker().maxInFlight();
    this.low = high / 2;
    for (Priority priority : Priority.values()) {
      Lane lane = new Lane();
      lanes.put(priority, lane);
      Gauge.builder("findoc.worker.in.flight", lane.inFlight, AtomicInteger::get)
          .tag("priority", priority.wireName())
          .description("tasks taken off Kafka and not yet reported done")
          .register(meters);
    }
  }

  /** The tasks of one priority in flight, and the container that takes them. */
  private static final class Lane {
    final AtomicInteger inFlight = new AtomicInteger();
    MessageListenerContainer container;
    boolean paused;
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
      setPaused(lane, hold || lane.inFlight.get() >= high);
    }
  }

  void taken(Priority priority) {
    Lane lane = lanes.get(priority);
    if (lane.inFlight.incrementAndGet() >= high) {
      setPaused(lane, true);
    }
  }

  void done(Priority priority) {
    Lane lane = lanes.get(priority);
    int left = lane.inFlight.decrementAndGet();
    if (left == 0) {
      synchronized (this) {
        notifyAll();
      }
    }
    if (left <= low) {
      setPaused(lane, false);
    }
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

  private int inFlight() {
    return lanes.values().stream().mapToInt(lane -> lane.inFlight.get()).sum();
  }

  private synchronized void setPaused(Lane lane, boolean pause) {
    boolean wanted =
        pause ? held || lane.inFlight.get() >= high : !held && lane.inFlight.get() <= low;
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
