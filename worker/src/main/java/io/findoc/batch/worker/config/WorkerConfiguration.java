package io.findoc.batch.worker.config;

import io.findoc.batch.common.agent.AgentFailures;
import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Beans built from the configuration that belong to no one part: clock, dead letters, agents. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

  /** {@code findoc.agent.failures}: the failed passes of the worker's periodic agents. */
  @Bean
  AgentFailures agentFailures(List<PeriodicAgent> agents, MeterRegistry meters) {
    return new AgentFailures(agents, meters);
  }

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
