package io.findoc.batch.worker.config;

import io.findoc.batch.common.topic.DeadLetterPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Beans built from the configuration. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(
      KafkaTemplate<String, byte[]> kafka, WorkerProperties properties) {
    return new DeadLetterPublisher(kafka::send, properties.topics().deadLetters());
  }
}
