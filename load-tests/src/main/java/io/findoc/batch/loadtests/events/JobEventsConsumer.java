package io.findoc.batch.loadtests.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An example downstream service: reads {@code findoc.job-events} (CloudEvents 1.0, binary mode: the
 * attributes in {@code ce_*} headers, the JSON data as the value), drops events it has seen (same
 * {@code ce_id}: the relay delivers at least once) and prints one line per event.
 *
 * <pre>
 * java -cp 'load-tests/target/classes:load-tests/target/lib/*' \
 *     io.findoc.batch.loadtests.events.JobEventsConsumer [bootstrap] [topic]
 * </pre>
 *
 * A real consumer keeps the seen ids with its own state (a table with a unique key, say) and
 * commits offsets after handling; this one keeps them in memory and starts at the topic's
 * beginning.
 */
public final class JobEventsConsumer {

  private JobEventsConsumer() {}

  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:19092";
    String topic = args.length > 1 ? args[1] : "findoc.job-events";
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrap);
    config.put("group.id", "job-events-example-" + UUID.randomUUID());
    config.put("auto.offset.reset", "earliest");
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      System.out.println("Reading " + topic + " from " + bootstrap + "; Ctrl-C to stop.");
      while (true) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          Map<String, String> attributes = attributes(record);
          if (!seen.add(attributes.get("ce_id"))) {
            continue; // a duplicate of an event already handled
          }
          System.out.printf(
              "%s %-22s job=%s %s%n",
              attributes.get("ce_time"),
              attributes.get("ce_type"),
              record.key(),
              new String(record.value(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** The CloudEvents attributes of a binary-mode record: its {@code ce_*} headers. */
  static Map<String, String> attributes(ConsumerRecord<String, byte[]> record) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
        attributes.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return attributes;
  }
}
