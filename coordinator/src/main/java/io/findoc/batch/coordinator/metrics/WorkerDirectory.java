package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.UnreadableMessageException;
import io.findoc.batch.common.message.WorkerHeartbeat;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The workers' latest heartbeats, read from the compacted workers topic ({@code
 * findoc.topics.workers}) from its beginning and as it grows, by a plain consumer outside any group
 * (every coordinator reads it whole, as workers read the control topic). A tombstone removes a
 * worker that stopped; a worker whose last heartbeat is older than {@code
 * findoc.metrics.worker-timeout} is not live.
 */
@Component
public class WorkerDirectory implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerDirectory.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> consumerConfig;
  private final String topic;
  private final Duration timeout;
  private final Clock clock;
  private final JsonSerde<WorkerHeartbeat> serde = new JsonSerde<>(WorkerHeartbeat.class);
  private final Map<String, WorkerHeartbeat> latest = new ConcurrentHashMap<>();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running;

  public WorkerDirectory(
      ConsumerFactory<?, ?> consumerFactory, CoordinatorProperties properties, Clock clock) {
    Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    config.remove(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
    config.remove(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "findoc-coordinator-workers");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    this.consumerConfig = config;
    this.topic = properties.topics().workers();
    this.timeout = properties.metrics().workerTimeout();
    this.clock = clock;
  }

  /** The live workers, by id. */
  public List<WorkerHeartbeat> live() {
    Instant since = clock.instant().minus(timeout);
    return latest.values().stream()
        .filter(heartbeat -> heartbeat.at() != null && heartbeat.at().isAfter(since))
        .sorted(Comparator.comparing(WorkerHeartbeat::worker))
        .toList();
  }

  @Override
  public void start() {
    running = true;
    KafkaConsumer<String, byte[]> created =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    consumer = created;
    Thread reader = new Thread(() -> read(created), "worker-directory");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(KafkaConsumer<String, byte[]> reader) {
    try (reader) {
      while (running && !assign(reader)) {
        Thread.sleep(2_000);
      }
      while (running) {
        for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
          take(record);
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("Stopped reading worker heartbeats; the metrics API shows no live workers.", e);
    }
  }

  private boolean assign(KafkaConsumer<String, byte[]> reader) {
    List<PartitionInfo> partitions = reader.partitionsFor(topic);
    if (partitions == null || partitions.isEmpty()) {
      return false;
    }
    List<TopicPartition> all =
        partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    reader.assign(all);
    reader.seekToBeginning(all);
    return true;
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      latest.remove(record.key());
      return;
    }
    try {
      WorkerHeartbeat heartbeat = serde.deserialize(record.topic(), record.value());
      if (heartbeat != null) {
        latest.put(record.key(), heartbeat);
      }
    } catch (UnreadableMessageException e) {
      LOG.debug("Skipped an unreadable worker heartbeat at offset {}.", record.offset());
    }
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
