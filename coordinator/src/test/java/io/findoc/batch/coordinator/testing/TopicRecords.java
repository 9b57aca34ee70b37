package io.findoc.batch.coordinator.testing;

import static org.awaitility.Awaitility.await;

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

/** Reads a topic from its beginning, as a test's own consumer group. */
public final class TopicRecords {

  private TopicRecords() {}

  /**
   * Reads {@code topic} until the records read so far satisfy {@code enough} (failing after 30 s),
   * and returns them in the order read.
   */
  public static List<ConsumerRecord<String, byte[]>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                TestInfrastructure.kafkaBootstrap(),
                "group.id",
                "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return enough.test(read);
              });
      return read;
    }
  }

  /** The records of {@code topic} keyed {@code key}, once there are at least {@code count}. */
  public static List<ConsumerRecord<String, byte[]>> keyed(String topic, String key, int count) {
    return readUntil(topic, read -> read.stream().filter(r -> key.equals(r.key())).count() >= count)
        .stream()
        .filter(r -> key.equals(r.key()))
        .toList();
  }
}
