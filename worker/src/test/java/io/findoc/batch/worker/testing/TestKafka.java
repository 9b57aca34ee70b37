package io.findoc.batch.worker.testing;

import io.findoc.batch.devstack.TestInfrastructure;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Clients of the shared test broker, for tests that play the coordinator. */
public final class TestKafka {

  private TestKafka() {}

  /** A producer of the byte messages the workers read. */
  public static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /** A consumer in group {@code groupId} that reads its topics from the earliest message. */
  public static KafkaConsumer<String, byte[]> reader(String groupId) {
    return new KafkaConsumer<>(
        Map.of(
            "bootstrap.servers",
            TestInfrastructure.kafkaBootstrap(),
            "group.id",
            groupId,
            "auto.offset.reset",
            "earliest"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
