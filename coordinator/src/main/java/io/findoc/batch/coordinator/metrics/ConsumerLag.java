package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The consumer lag of each task topic: its end offsets minus the offsets the workers' group of that
 * priority ({@code <findoc.metrics.worker-group>.<priority>}) committed, over all partitions. A
 * partition the group never committed counts from its start offset. Null for a priority the broker
 * did not answer for in time.
 */
@Component
public class ConsumerLag {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);

  private final Admin admin;
  private final CoordinatorProperties properties;
  private final Duration timeout;

  public ConsumerLag(Admin admin, CoordinatorProperties properties) {
    this.admin = admin;
    this.properties = properties;
    this.timeout = properties.metrics().kafkaTimeout();
  }

  /** The lag per priority, null where unknown. */
  public Map<Priority, Long> byPriority() {
    Map<Priority, Long> lag = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      try {
        lag.put(priority, of(priority));
      } catch (ExecutionException | TimeoutException e) {
        LOG.debug("No consumer lag for {}: {}", priority, e.toString());
        lag.put(priority, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        lag.put(priority, null);
      }
    }
    return lag;
  }

  private long of(Priority priority)
      throws ExecutionException, InterruptedException, TimeoutException {
    String topic = properties.topics().tasks(priority);
    String group = properties.metrics().workerGroup() + "." + priority.wireName();
    TopicDescription description =
        admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(millis(), MS).get(topic);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    description
        .partitions()
        .forEach(
            p -> {
              latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
              earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            });
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(latest).all().get(millis(), MS);
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
        admin.listOffsets(earliest).all().get(millis(), MS);
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(millis(), MS);
    long lag = 0;
    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      long from = done != null ? done.offset() : starts.get(end.getKey()).offset();
      lag += Math.max(0, end.getValue().offset() - from);
    }
    return lag;
  }

  private long millis() {
    return timeout.toMillis();
  }

  private static final TimeUnit MS = TimeUnit.MILLISECONDS;
}
