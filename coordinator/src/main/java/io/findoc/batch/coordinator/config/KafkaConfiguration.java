package io.findoc.batch.coordinator.config;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.findoc.batch.common.topic.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The topics the coordinator needs, and the dead-letter publisher. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

  /** Creates missing topics at start-up; existing ones are left as they are. */
  @Bean
  KafkaAdmin.NewTopics findocTopics(CoordinatorProperties properties) {
    TopicNames names = properties.topics();
    CoordinatorProperties.TopicLayout layout = properties.topicLayout();
    int tasks = layout.taskPartitions();
    int status = layout.statusPartitions();
    return new KafkaAdmin.NewTopics(
        topic(names.tasks(Priority.HIGH), tasks, layout.replicas()),
        topic(names.tasks(Priority.NORMAL), tasks, layout.replicas()),
        topic(names.tasks(Priority.LOW), tasks, layout.replicas()),
        topic(names.taskStatus(), status, layout.replicas()),
        topic(names.deadLetters(), status, layout.replicas()),
        TopicBuilder.name(names.control())
            .partitions(layout.controlPartitions())
            .replicas(layout.replicas())
            .compact()
            .build());
  }

  private static NewTopic topic(String name, int partitions, short replicas) {
    return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(
      KafkaTemplate<String, byte[]> kafka, CoordinatorProperties properties) {
    return new DeadLetterPublisher(kafka::send, properties.topics().deadLetters());
  }
}
