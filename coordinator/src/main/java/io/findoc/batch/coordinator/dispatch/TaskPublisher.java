package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.common.topic.TopicNames;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.ClaimedTask;
import io.findoc.batch.coordinator.store.JobDispatchInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;

/** Publishes claimed tasks as {@link TaskMessage}s and waits until the broker has them all. */
@Component
public class TaskPublisher {

  private static final TypeReference<Map<String, Object>> OPTIONS = new TypeReference<>() {};

  private final KafkaTemplate<String, byte[]> kafka;
  private final TopicNames topics;
  private final Duration sendTimeout;
  private final JsonSerde<TaskMessage> serde = new JsonSerde<>(TaskMessage.class);
  private final ObjectReader documentReader = Json.mapper().readerFor(Document.class);

  public TaskPublisher(KafkaTemplate<String, byte[]> kafka, CoordinatorProperties properties) {
    this.kafka = kafka;
    this.topics = properties.topics();
    this.sendTimeout = properties.dispatch().sendTimeout();
  }

  /**
   * Publishes one message per task and returns once the broker acknowledged all of them.
   *
   * @throws DispatchFailedException if any message was not acknowledged in time; some may have been
   *     published, which is harmless: the tasks stay PENDING and are published again
   */
  public void publishAll(List<ClaimedTask> tasks, Map<UUID, JobDispatchInfo> jobs) {
    publishAll(tasks, jobs, false);
  }

  /**
   * As {@link #publishAll(List, Map)}; {@code compensation} marks the messages as compensation
   * attempts of a rolling-back job ({@link TaskMessage#compensation()}).
   */
  public void publishAll(
      List<ClaimedTask> tasks, Map<UUID, JobDispatchInfo> jobs, boolean compensation) {
    Map<UUID, Map<String, Object>> options = new java.util.HashMap<>();
    List<CompletableFuture<?>> sent = new ArrayList<>(tasks.size());
    for (ClaimedTask task : tasks) {
      JobDispatchInfo job = jobs.get(task.jobId());
      TaskMessage message =
          new TaskMessage(
              TaskMessage.VERSION,
              new JobId(task.jobId()),
              task.number(),
              task.attempt(),
              job.tenantId(),
              job.priority(),
              job.processor(),
              options.computeIfAbsent(
                  job.id(), id -> Json.mapper().readValue(job.options(), OPTIONS)),
              documentReader.readValue(task.document()),
              compensation);
      String topic = topics.tasks(job.priority());
      sent.add(kafka.send(topic, message.taskId().toString(), serde.serialize(topic, message)));
    }
    kafka.flush();
    try {
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new DispatchFailedException(tasks.size(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DispatchFailedException(tasks.size(), e);
    }
  }
}
