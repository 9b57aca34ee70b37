package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * How long the status consumer group takes to give up on a coordinator that died without leaving it
 * (its {@code session.timeout.ms}), and the check that a lease outlasts it: until then the dead
 * coordinator's status partitions, with the heartbeats of every attempt aggregated there, are read
 * by nobody, and no other coordinator knows it. With a lease shorter than that, the tasks of
 * healthy workers are handed out again whenever one of several coordinators dies, so the
 * coordinator warns at start-up (a lone coordinator has no such window: short leases in tests are
 * fine).
 */
@Component
public class LeaseSettings {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseSettings.class);

  /** Kafka's own default, when {@code spring.kafka.consumer.properties} does not set one. */
  static final Duration KAFKA_DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);

  private final Duration sessionTimeout;

  @Autowired
  public LeaseSettings(CoordinatorProperties properties, KafkaProperties kafka) {
    this(properties.lease().duration(), kafka.getConsumer().getProperties());
  }

  LeaseSettings(Duration lease, Map<String, String> consumerProperties) {
    String configured = consumerProperties.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
    this.sessionTimeout =
        configured == null
            ? KAFKA_DEFAULT_SESSION_TIMEOUT
            : Duration.ofMillis(Long.parseLong(configured.trim()));
    if (!outlastsSessionTimeout(lease)) {
      LOG.warn(
          "findoc.lease.duration ({}) is not longer than the status consumer's session timeout"
              + " (spring.kafka.consumer.properties.session.timeout.ms, {}): with several"
              + " coordinators, when one dies the heartbeats on its status partitions go unread"
              + " that long, and the tasks of healthy workers would be handed out again.",
          lease,
          sessionTimeout);
    }
  }

  /**
   * Whether a lease of {@code lease} outlasts the time a dead coordinator's partitions go unread.
   */
  boolean outlastsSessionTimeout(Duration lease) {
    return lease.compareTo(sessionTimeout) > 0;
  }

  /** The longest a dead coordinator's status partitions go unread before they move. */
  public Duration sessionTimeout() {
    return sessionTimeout;
  }
}
