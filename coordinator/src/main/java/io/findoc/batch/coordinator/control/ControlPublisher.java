package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.ControlAction;
import io.findoc.batch.common.message.ControlMessage;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every worker what stands for a job, on the compacted control topic: {@code PAUSE}, {@code
 * CANCEL}, or nothing (a tombstone, when a job resumes). Waits for the broker's acknowledgement, so
 * a caller knows whether the workers will see it.
 */
@Component
public class ControlPublisher {

  private final KafkaTemplate<String, byte[]> kafka;
  private final String topic;
  private final Duration sendTimeout;
  private final Clock clock;
  private final JsonSerde<ControlMessage> serde = new JsonSerde<>(ControlMessage.class);

  public ControlPublisher(
      KafkaTemplate<String, byte[]> kafka, CoordinatorProperties properties, Clock clock) {
    this.kafka = kafka;
    this.topic = properties.topics().control();
    this.sendTimeout = properties.dispatch().sendTimeout();
    this.clock = clock;
  }

  /** Publishes {@code action} for the job, or lifts what stood if {@code action} is null. */
  public void publish(JobId job, ControlAction action) {
    byte[] value =
        action == null
            ? null
            : serde.serialize(
                topic, new ControlMessage(ControlMessage.VERSION, job, action, clock.instant()));
    try {
      kafka.send(topic, job.toString(), value).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ControlNotPublishedException(job, action, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlNotPublishedException(job, action, e);
    }
  }
}
