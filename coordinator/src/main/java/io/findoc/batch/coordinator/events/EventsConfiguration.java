package io.findoc.batch.coordinator.events;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The job-events topic, created at start-up when missing, partitioned like the status topic. */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

  @Bean
  KafkaAdmin.NewTopics jobEventsTopic(CoordinatorProperties properties) {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(properties.topics().jobEvents())
            .partitions(properties.topicLayout().statusPartitions())
            .replicas(properties.topicLayout().replicas())
            .build());
  }
}
