package io.findoc.batch.common.topic;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Dead-letter records: a message that cannot be processed goes to the dead-letter topic with its
 * key and bytes unchanged, and headers saying where it came from and why.
 */
public final class DeadLetters {

  public static final String ORIGINAL_TOPIC = "findoc-dlt-original-topic";
  public static final String ORIGINAL_PARTITION = "findoc-dlt-original-partition";
  public static final String ORIGINAL_OFFSET = "findoc-dlt-original-offset";
  public static final String REASON = "findoc-dlt-reason";

  private DeadLetters() {}

  /** The dead-letter record for {@code original}, which could not be processed for {@code why}. */
  public static ProducerRecord<String, byte[]> of(
      String deadLetterTopic, ConsumerRecord<String, byte[]> original, String why) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(deadLetterTopic, original.key(), original.value());
    header(record, ORIGINAL_TOPIC, original.topic());
    header(record, ORIGINAL_PARTITION, Integer.toString(original.partition()));
    header(record, ORIGINAL_OFFSET, Long.toString(original.offset()));
    header(record, REASON, String.valueOf(why));
    return record;
  }

  /** Where a record came from, as {@code topic-partition@offset}, for messages and logs. */
  public static String origin(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
