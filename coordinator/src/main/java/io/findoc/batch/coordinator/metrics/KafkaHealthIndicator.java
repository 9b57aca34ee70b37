package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.topic.BrokerProbe;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the broker, as {@code kafka} in {@code /actuator/health} and in the readiness group: up
 * when the cluster answers a describe within {@code findoc.metrics.kafka-timeout}, with its id and
 * number of brokers.
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractHealthIndicator {

  private final Admin admin;
  private final Duration timeout;

  public KafkaHealthIndicator(Admin admin, CoordinatorProperties properties) {
    super("Kafka health check failed");
    this.admin = admin;
    this.timeout = properties.metrics().kafkaTimeout();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    BrokerProbe.Cluster cluster = BrokerProbe.describe(admin, timeout);
    builder.up().withDetail("clusterId", cluster.id()).withDetail("brokers", cluster.brokers());
  }
}
