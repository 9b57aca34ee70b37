package io.findoc.batch.worker.intake;

import io.findoc.batch.worker.config.WorkerProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Bounds the tasks taken off Kafka and not yet done: at the maximum it pauses the intake container
 * (the consumer keeps polling, so its group membership holds), and resumes it when half are done.
 */
@Component
public class IntakeThrottle {

  private final ObjectProvider<MessageListenerContainer> intake;
  private final int high;
  private final int low;
  private final AtomicInteger inFlight = new AtomicInteger();
  private boolean paused;
  private boolean draining;

  public IntakeThrottle(
      ObjectProvider<MessageListenerContainer> intake,
      WorkerProperties properties,
      MeterRegistry meters) {
    this.intake = intake;
    this.high = properties.worker().maxInFlight();
    this.low = high / 2;
    Gauge.builder("findoc.worker.in.flight", inFlight, AtomicInteger::get).register(meters);
  }

  void taken() {
    if (inFlight.incrementAndGet() >= high) {
      setPaused(true);
    }
  }

  void done() {
    int left = inFlight.decrementAndGet();
    if (left == 0) {
      synchronized (this) {
        notifyAll();
      }
    }
    if (left <= low) {
      setPaused(false);
    }
  }

  /**
   * Stops taking tasks and waits until every task taken has been reported and acknowledged, for up
   * to {@code grace}.
   *
   * @return whether all were done in time
   */
  synchronized boolean drain(Duration grace) throws InterruptedException {
    draining = true;
    MessageListenerContainer container = intake.getIfAvailable();
    if (container != null) {
      container.pause();
      paused = true;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private synchronized void setPaused(boolean pause) {
    boolean wanted = pause ? inFlight.get() >= high : inFlight.get() <= low;
    if (pause == paused || !wanted || draining) {
      return;
    }
    MessageListenerContainer container = intake.getIfAvailable();
    if (container == null) {
      return;
    }
    if (pause) {
      container.pause();
    } else {
      container.resume();
    }
    paused = pause;
  }
}
