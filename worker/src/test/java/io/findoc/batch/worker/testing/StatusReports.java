package io.findoc.batch.worker.testing;

import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.devstack.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The status reports on {@code <prefix>task-status}, read from the beginning, for assertions. */
public final class StatusReports implements AutoCloseable {

  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final JsonSerde<StatusMessage> serde = new JsonSerde<>(StatusMessage.class);
  private final List<StatusMessage> received = new ArrayList<>();

  public StatusReports(String prefix) {
    this.topic = prefix + "task-status";
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                TestInfrastructure.kafkaBootstrap(),
                "group.id",
                prefix + "reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Waits (up to {@code atMost}) for a report of the job that matches; returns the first. */
  public StatusMessage awaitReport(JobId job, Predicate<StatusMessage> which, Duration atMost) {
    return await()
        .atMost(atMost)
        .until(
            () -> {
              poll();
              return received.stream()
                  .filter(r -> r.jobId().equals(job))
                  .filter(which)
                  .findFirst()
                  .orElse(null);
            },
            report -> report != null);
  }

  /** Waits for {@code count} final reports of the job; returns them in the order they came. */
  public List<StatusMessage> awaitFinal(JobId job, int count) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              poll();
              return received.stream()
                  .filter(r -> r.jobId().equals(job) && r.kind().isFinal())
                  .toList();
            },
            reports -> reports.size() >= count);
  }

  private void poll() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      received.add(serde.deserialize(topic, record.value()));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
