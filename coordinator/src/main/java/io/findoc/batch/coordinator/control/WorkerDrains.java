package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.WorkerControlMessage;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Drains a worker, or lets it take tasks again, through the compacted control topic ({@link
 * WorkerControlMessage}, keyed {@code worker:<id>}): a drained worker takes no new task, finishes
 * those it has and leaves the task topics, so its partitions go to the other workers; it stays
 * drained across restarts until undrained. Waits for the broker's acknowledgement, so the caller
 * knows whether the worker will see it. Workers are shared by every tenant: only an admin drains
 * them.
 */
@Component
public class WorkerDrains {

  /**
   * What a worker id may be: what {@code findoc.worker.id} accepts in practice (a pod name, ...).
   */
  private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");

  private final KafkaTemplate<String, byte[]> kafka;
  private final String topic;
  private final Duration sendTimeout;
  private final Clock clock;
  private final JsonSerde<WorkerControlMessage> serde = new JsonSerde<>(WorkerControlMessage.class);

  public WorkerDrains(
      KafkaTemplate<String, byte[]> kafka, CoordinatorProperties properties, Clock clock) {
    this.kafka = kafka;
    this.topic = properties.topics().control();
    this.sendTimeout = properties.dispatch().sendTimeout();
    this.clock = clock;
  }

  /**
   * Drains {@code worker} (true) or undrains it (false); the same again changes nothing.
   *
   * @throws IllegalArgumentException if {@code worker} cannot be a worker's id
   * @throws ControlNotPublishedException if the broker did not take the instruction
   */
  public void drain(String worker, boolean drain) {
    if (worker == null || !WORKER_ID.matcher(worker).matches()) {
      throw new IllegalArgumentException(
          "must be a worker's id: letters, digits and . _ : @ -, at most 200, as the workers page"
              + " lists them");
    }
    byte[] value =
        drain
            ? serde.serialize(
                topic,
                new WorkerControlMessage(
                    WorkerControlMessage.VERSION, worker, true, clock.instant()))
            : null;
    try {
      kafka
          .send(topic, WorkerControlMessage.key(worker), value)
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw notPublished(worker, drain, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notPublished(worker, drain, e);
    }
  }

  private static ControlNotPublishedException notPublished(
      String worker, boolean drain, Throwable cause) {
    return new ControlNotPublishedException(
        "worker "
            + worker
            + " could not be told to "
            + (drain ? "drain" : "take tasks again")
            + " (the broker did not answer); repeat the request",
        cause);
  }
}
