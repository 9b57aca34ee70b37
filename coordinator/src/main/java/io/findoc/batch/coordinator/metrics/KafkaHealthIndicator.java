package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
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
  private final long timeoutMillis;

  public KafkaHealthIndicator(Admin admin, CoordinatorProperties properties) {
    super("Kafka health check failed");
    this.admin = admin;
    this.timeoutMillis = properties.metrics().kafkaTimeout().toMillis();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis));
    String id = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
    int brokers = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("clusterId", id).withDetail("brokers", brokers);
  }
}
