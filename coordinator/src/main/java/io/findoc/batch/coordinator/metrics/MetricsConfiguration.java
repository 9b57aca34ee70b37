package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.agent.AgentFailures;
import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttemptStore;
import io.findoc.batch.coordinator.store.ErrorStore;
import io.findoc.batch.coordinator.store.MetricsStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The stores, the Kafka admin client and the workers topic of the metrics, and the count of the
 * agents' failed passes.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  /** {@code findoc.agent.failures}: the failed passes of the coordinator's periodic agents. */
  @Bean
  AgentFailures agentFailures(List<PeriodicAgent> agents, MeterRegistry meters) {
    return new AgentFailures(agents, meters);
  }

  @Bean
  MetricsStore metricsStore(Jdbi jdbi) {
    return jdbi.onDemand(MetricsStore.class);
  }

  @Bean
  AttemptStore attemptStore(Jdbi jdbi) {
    return jdbi.onDemand(AttemptStore.class);
  }

  @Bean
  ErrorStore errorStore(Jdbi jdbi) {
    return jdbi.onDemand(ErrorStore.class);
  }

  /** The compacted topic of worker heartbeats, created with the others when missing. */
  @Bean
  KafkaAdmin.NewTopics findocWorkersTopic(CoordinatorProperties properties) {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(properties.topics().workers())
            .partitions(1)
            .replicas(properties.topicLayout().replicas())
            .compact()
            .build());
  }

  /**
   * An admin client for consumer lag and the Kafka health check, on Spring Boot's connection
   * settings ({@code spring.kafka.*}, security included).
   */
  @Bean(destroyMethod = "close")
  Admin metricsAdmin(KafkaAdmin kafkaAdmin, CoordinatorProperties properties) {
    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
    int timeout = (int) properties.metrics().kafkaTimeout().toMillis();
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "findoc-coordinator-metrics");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    return Admin.create(config);
  }
}
