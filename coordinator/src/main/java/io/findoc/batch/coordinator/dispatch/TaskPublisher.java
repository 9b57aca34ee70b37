package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.StoredTaskMessage;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.common.topic.TopicNames;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.ClaimedTask;
import io.findoc.batch.coordinator.store.DispatchStore;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes claimed tasks as {@link TaskMessage}s and waits until the broker has them all. Each
 * message carries the task's document and the job's options as the JSON text they were stored as
 * ({@link StoredTaskMessage}).
 */
@Component
public class TaskPublisher {

  private final KafkaTemplate<String, byte[]> kafka;
  private final DispatchStore store;
  private final TopicNames topics;
  private final Duration sendTimeout;
  private final JsonSerde<StoredTaskMessage> serde = new JsonSerde<>(StoredTaskMessage.class);

  public TaskPublisher(
      KafkaTemplate<String, byte[]> kafka, Jdbi jdbi, CoordinatorProperties properties) {
    this.kafka = kafka;
    this.store = jdbi.onDemand(DispatchStore.class);
    this.topics = properties.topics();
    this.sendTimeout = properties.dispatch().sendTimeout();
  }

  /**
   * Publishes one message per task and returns once the broker acknowledged all of them; {@code
   * compensation} marks them as compensation attempts of a rolling-back job ({@link
   * TaskMessage#compensation()}).
   *
   * @throws DispatchFailedException if any message was not acknowledged in time; some may have been
   *     published, which is harmless: the caller publishes them all again
   */
  public void publishAll(List<ClaimedTask> tasks, boolean compensation) {
    if (tasks.isEmpty()) {
      return;
    }
    Map<UUID, JobDispatchInfo> jobs = jobsOf(tasks);
    List<CompletableFuture<?>> sent = new ArrayList<>(tasks.size());
    for (ClaimedTask task : tasks) {
      JobDispatchInfo job = jobs.get(task.jobId());
      StoredTaskMessage message =
          new StoredTaskMessage(
              TaskMessage.VERSION,
              new JobId(task.jobId()),
              task.number(),
              task.attempt(),
              job.tenantId(),
              job.priority(),
              job.processor(),
              job.options(),
              task.document(),
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

  private Map<UUID, JobDispatchInfo> jobsOf(List<ClaimedTask> tasks) {
    UUID[] ids = tasks.stream().map(ClaimedTask::jobId).distinct().toArray(UUID[]::new);
    return store.findDispatchInfo(ids).stream()
        .collect(Collectors.toMap(JobDispatchInfo::id, Function.identity()));
  }
}
