package io.findoc.batch.coordinator.testing;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.RawJson;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.devstack.TestInfrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays a worker: publishes status reports (or any bytes) on a stack's status topic. */
public final class Reports implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer =
      new KafkaProducer<>(
          Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()),
          new StringSerializer(),
          new ByteArraySerializer());
  private final JsonSerde<StatusMessage> serde = new JsonSerde<>(StatusMessage.class);
  private final String topic;

  public Reports(String topic) {
    this.topic = topic;
  }

  public static StatusMessage report(
      StatusKind kind, String jobId, int number, int attempt, TaskError error) {
    Instant now = Instant.now();
    return new StatusMessage(
        StatusMessage.VERSION,
        kind,
        JobId.parse(jobId),
        number,
        attempt,
        "test-worker",
        now,
        kind.isFinal() ? now : null,
        kind == StatusKind.SUCCEEDED ? RawJson.of(Map.of("reportedAt", now.toString())) : null,
        error);
  }

  /** A report of the compensation attempt {@code attempt} of task {@code number}. */
  public static StatusMessage compensation(
      StatusKind kind, String jobId, int number, int attempt, TaskError error) {
    StatusMessage task = report(kind, jobId, number, attempt, error);
    return new StatusMessage(
        task.version(),
        kind,
        task.jobId(),
        number,
        attempt,
        task.worker(),
        task.startedAt(),
        task.finishedAt(),
        task.result(),
        error,
        true);
  }

  /** Publishes and waits for the broker's acknowledgement. */
  public void send(StatusMessage report) {
    send(report.jobId().toString(), serde.serialize(topic, report));
  }

  /** Publishes raw bytes keyed like a report of {@code jobId}. */
  public void send(String jobId, byte[] bytes) {
    try {
      producer.send(new ProducerRecord<>(topic, jobId, bytes)).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
