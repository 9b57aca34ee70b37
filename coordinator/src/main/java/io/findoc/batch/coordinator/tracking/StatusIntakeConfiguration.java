package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.coordinator.config.CoordinatorInstance;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The status intake: the listener container that feeds reports to the aggregator, and how it
 * survives failures.
 */
@Configuration(proxyBeanMethods = false)
public class StatusIntakeConfiguration {

  /** The name of the status topic's listener container (its children add {@code -0}, ...). */
  public static final String STATUS_AGGREGATOR = "status-aggregator";

  /** How long the status intake finds nothing before it says it is idle. */
  static final Duration STATUS_IDLE_EVENT_INTERVAL = Duration.ofSeconds(1);

  /** The longest the status intake's fetch waits at the broker for more reports. */
  static final Duration STATUS_FETCH_MAX_WAIT = Duration.ofMillis(20);

  /**
   * The container that feeds the {@link StatusAggregator} in batches. A plain listener, not
   * {@code @KafkaListener}: no message conversion per record.
   */
  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> statusAggregation(
      ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
      CoordinatorProperties properties,
      StatusAggregator aggregator,
      IntakeDelay intakeDelay,
      LeaseSettings leases) {
    ConcurrentMessageListenerContainer<String, byte[]> container =
        factory.createContainer(properties.topics().taskStatus());
    container.setBeanName(STATUS_AGGREGATOR);
    // Partitions taken over from a coordinator that died went unread for up to the session
    // timeout: the lease reapers wait for their heartbeats (IntakeDelay).
    container
        .getContainerProperties()
        .setConsumerRebalanceListener(
            new ConsumerRebalanceListener() {
              @Override
              public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

              @Override
              public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                  intakeDelay.assigned(leases.sessionTimeout());
                }
              }
            });
    // Named after this process in the consumer group: which coordinator holds which partitions.
    container.getContainerProperties().setClientId(CoordinatorInstance.clientId());
    container.setupMessageListener(aggregator);
    // Idle events tell the IntakeDelay that the intake is not behind.
    container.getContainerProperties().setIdleEventInterval(STATUS_IDLE_EVENT_INTERVAL.toMillis());
    // A report waits at most this long at the broker for others to share its batch: it is part of
    // what a watcher of the job's progress waits. At high rates batches fill before it.
    Properties fetch = new Properties();
    fetch.setProperty(
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(STATUS_FETCH_MAX_WAIT.toMillis()));
    container.getContainerProperties().setKafkaConsumerProperties(fetch);
    return container;
  }

  /**
   * A status batch that could not be applied (database down, say) is retried, with backoff, until
   * it is: the listener never skips a batch, so no report is lost, and offsets move only after the
   * database commit.
   */
  @Bean
  CommonErrorHandler statusBatchErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(100, 2);
    backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return new DefaultErrorHandler(backOff);
  }
}
