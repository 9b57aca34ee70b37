package io.findoc.batch.worker.intake;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.findoc.batch.worker.config.WorkerProperties;
import io.findoc.batch.worker.execution.TaskRunner;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The three intake containers, {@code task-intake-high}, {@code -normal} and {@code -low}: one per
 * priority topic, each with its own {@link TaskListener} and in-flight budget in the {@link
 * IntakeThrottle}, and each in a consumer group of its own ({@code <group-id>.high}, ...). One
 * group for the three would rebalance all of them whenever one container comes or goes: a stopping
 * worker's containers, stopping one after the other, would take back partitions whose last
 * acknowledgements were not yet committed, and run a task twice ({@code WorkerShutdownIT} checks
 * that none does). Plain listeners, not {@code @KafkaListener}: no message conversion per record.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

  @Bean("task-intake-high")
  ConcurrentMessageListenerContainer<String, byte[]> taskIntakeHigh(
      ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
      WorkerProperties properties,
      TaskRunner runner,
      IntakeThrottle throttle,
      DeadLetterPublisher deadLetters,
      @Value("${spring.kafka.consumer.group-id}") String groupId) {
    return taskIntake(Priority.HIGH, factory, properties, runner, throttle, deadLetters, groupId);
  }

  @Bean("task-intake-normal")
  ConcurrentMessageListenerContainer<String, byte[]> taskIntakeNormal(
      ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
      WorkerProperties properties,
      TaskRunner runner,
      IntakeThrottle throttle,
      DeadLetterPublisher deadLetters,
      @Value("${spring.kafka.consumer.group-id}") String groupId) {
    return taskIntake(Priority.NORMAL, factory, properties, runner, throttle, deadLetters, groupId);
  }

  @Bean("task-intake-low")
  ConcurrentMessageListenerContainer<String, byte[]> taskIntakeLow(
      ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
      WorkerProperties properties,
      TaskRunner runner,
      IntakeThrottle throttle,
      DeadLetterPublisher deadLetters,
      @Value("${spring.kafka.consumer.group-id}") String groupId) {
    return taskIntake(Priority.LOW, factory, properties, runner, throttle, deadLetters, groupId);
  }

  private static ConcurrentMessageListenerContainer<String, byte[]> taskIntake(
      Priority priority,
      ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
      WorkerProperties properties,
      TaskRunner runner,
      IntakeThrottle throttle,
      DeadLetterPublisher deadLetters,
      String groupId) {
    ConcurrentMessageListenerContainer<String, byte[]> container =
        factory.createContainer(properties.topics().tasks(priority));
    container.getContainerProperties().setGroupId(groupId + "." + priority.wireName());
    container.setBeanName("task-intake-" + priority.wireName());
    // A paused consumer looks for a resume this often, so a small budget refills in time.
    container.getContainerProperties().setPollTimeoutWhilePaused(Duration.ofMillis(10));
    // No spring.kafka.listener timer sample per task message: nothing reads it, and the worker's
    // findoc.worker.processing timer measures the attempts.
    container.getContainerProperties().setMicrometerEnabled(false);
    container.setupMessageListener(new TaskListener(priority, runner, throttle, deadLetters));
    throttle.register(priority, container);
    return container;
  }
}
