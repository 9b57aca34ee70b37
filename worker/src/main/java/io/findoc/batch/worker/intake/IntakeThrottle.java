package io.findoc.batch.worker.intake;

import io.findoc.batch.worker.config.WorkerProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
    if (inFlight.decrementAndGet() <= low) {
      setPaused(false);
    }
  }

  private synchronized void setPaused(boolean pause) {
    boolean wanted = pause ? inFlight.get() >= high : inFlight.get() <= low;
    if (pause == paused || !wanted) {
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
