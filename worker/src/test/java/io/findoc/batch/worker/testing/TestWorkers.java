package io.findoc.batch.worker.testing;

import io.findoc.batch.devstack.TestInfrastructure;
import io.findoc.batch.worker.WorkerApplication;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Workers on the shared test broker, with topics of their own: {@code <prefix>tasks.high}, {@code
 * .normal}, {@code .low}, {@code <prefix>task-status}, {@code <prefix>tasks.dlt} and the compacted
 * {@code <prefix>control}, and the consumer group {@code <prefix>workers}.
 */
public final class TestWorkers {

  private TestWorkers() {}

  /**
   * Creates the topics of {@code prefix}: two partitions each, and the control topic compacted with
   * three, as the coordinator creates it.
   */
  public static void createTopics(String prefix) throws InterruptedException, ExecutionException {
    createTaskTopics(prefix);
    createControlTopic(prefix);
  }

  /**
   * Creates the task, status and dead-letter topics of {@code prefix}, two partitions each, and the
   * compacted workers topic the heartbeats go to.
   */
  public static void createTaskTopics(String prefix)
      throws InterruptedException, ExecutionException {
    create(
        Stream.concat(
                Stream.of("tasks.high", "tasks.normal", "tasks.low", "task-status", "tasks.dlt")
                    .map(name -> new NewTopic(prefix + name, 2, (short) 1)),
                Stream.of(
                    new NewTopic(prefix + "workers", 1, (short) 1)
                        .configs(
                            Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT))))
            .toList());
  }

  /** Creates {@code <prefix>control}, compacted, with three partitions. */
  public static void createControlTopic(String prefix)
      throws InterruptedException, ExecutionException {
    create(
        List.of(
            new NewTopic(prefix + "control", 3, (short) 1)
                .configs(
                    Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
  }

  private static void create(List<NewTopic> topics)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()))) {
      admin.createTopics(topics).all().get();
    }
  }

  /**
   * Starts a worker signing its reports {@code id} on the topics of {@code prefix}; {@code
   * properties} ({@code --name=value}) are added to the command line.
   */
  public static ConfigurableApplicationContext start(
      String prefix, String id, String... properties) {
    return new SpringApplicationBuilder(WorkerApplication.class)
        .run(
            Stream.concat(Stream.of(arguments(prefix, id)), Stream.of(properties))
                .toArray(String[]::new));
  }

  private static String[] arguments(String prefix, String id) {
    return new String[] {
      "--spring.config.name=" + WorkerApplication.CONFIG_NAME,
      "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
      "--spring.kafka.consumer.group-id=" + prefix + "workers",
      "--server.port=0",
      "--findoc.worker.id=" + id,
      // No analyser warm-up: these workers are measured for behaviour, not speed.
      "--findoc.worker.warm-up=0s",
      "--findoc.topics.tasks-high=" + prefix + "tasks.high",
      "--findoc.topics.tasks-normal=" + prefix + "tasks.normal",
      "--findoc.topics.tasks-low=" + prefix + "tasks.low",
      "--findoc.topics.task-status=" + prefix + "task-status",
      "--findoc.topics.dead-letters=" + prefix + "tasks.dlt",
      "--findoc.topics.control=" + prefix + "control",
      "--findoc.topics.workers=" + prefix + "workers"
    };
  }
}
