package io.findoc.batch.worker.config;

import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.findoc.batch.worker.intake.TaskListener;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Beans built from the configuration. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The container that feeds the {@link TaskListener} from the three task topics. A plain listener,
   * not {@code @KafkaListener}: no message conversion per record.
   */
  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> taskIntake(
      ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
      WorkerProperties properties,
      TaskListener listener) {
    ConcurrentMessageListenerContainer<String, byte[]> container =
        factory.createContainer(properties.topics().allTaskTopics().toArray(String[]::new));
    container.setBeanName("task-intake");
    container.setupMessageListener(listener);
    return container;
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(
      KafkaTemplate<String, byte[]> kafka, WorkerProperties properties) {
    return new DeadLetterPublisher(kafka::send, properties.topics().deadLetters());
  }
}
