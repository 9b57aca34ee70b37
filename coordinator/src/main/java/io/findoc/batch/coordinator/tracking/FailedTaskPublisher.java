package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.FailedTask;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.TaskStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes tasks that failed for good, and compensations that failed for good, to the dead-letter
 * topic (INV-6), inside the transaction that fails them and before it commits: if the broker does
 * not take them, the batch rolls back and is applied again, so a failure is never without its
 * record (at worst it has two). Compensations say so in the record and its reason header.
 */
@Component
public class FailedTaskPublisher {

  private final KafkaTemplate<String, byte[]> kafka;
  private final String topic;
  private final Duration timeout;
  private final JsonSerde<FailedTask> serde = new JsonSerde<>(FailedTask.class);

  public FailedTaskPublisher(
      KafkaTemplate<String, byte[]> kafka, CoordinatorProperties properties) {
    this.kafka = kafka;
    this.topic = properties.topics().deadLetters();
    this.timeout = properties.dispatch().sendTimeout();
  }

  /** Writes the failed tasks and waits until the broker has them all. */
  public void publish(List<TaskStore.Failure> failures) {
    publish(failures, false);
  }

  /**
   * Writes the failed compensations (attempt and error the compensation's) and waits until the
   * broker has them all.
   */
  public void publishCompensations(List<TaskStore.Failure> failures) {
    publish(failures, true);
  }

  private void publish(List<TaskStore.Failure> failures, boolean compensations) {
    String reason = compensations ? FailedTask.COMPENSATION_REASON : FailedTask.REASON;
    List<CompletableFuture<?>> sent = new ArrayList<>(failures.size());
    for (TaskStore.Failure failure : failures) {
      FailedTask record =
          new FailedTask(
              FailedTask.VERSION,
              new JobId(failure.jobId()),
              failure.number(),
              failure.documentRef(),
              failure.attempt(),
              new TaskError(failure.errorCode(), failure.errorMessage(), false),
              failure.worker(),
              failure.finishedAt(),
              compensations);
      ProducerRecord<String, byte[]> message =
          new ProducerRecord<>(topic, failure.jobId().toString(), serde.serialize(topic, record));
      message.headers().add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
      sent.add(kafka.send(message));
    }
    try {
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new DeadLettersNotPublishedException(
          "the dead-letter topic did not take " + failures.size() + " " + reason + " records", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLettersNotPublishedException(
          "interrupted writing " + reason + " dead letters", e);
    }
  }
}
