package io.findoc.batch.worker.health;

import io.findoc.batch.common.topic.BrokerProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Health of the broker, as {@code kafka} in the worker's {@code /actuator/health} and its readiness
 * group: up when the cluster answers a describe within three seconds, with its id and number of
 * brokers. A worker that cannot reach the broker takes no tasks, so Kubernetes should send it no
 * traffic and show it not ready; liveness leaves it alone, since restarting does not bring the
 * broker back.
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;

  public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    super("Kafka health check failed");
    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "findoc-worker-health");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    this.admin = Admin.create(config);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    BrokerProbe.Cluster cluster = BrokerProbe.describe(admin, TIMEOUT);
    builder.up().withDetail("clusterId", cluster.id()).withDetail("brokers", cluster.brokers());
  }

  @Override
  public void destroy() {
    admin.close(TIMEOUT);
  }
}
