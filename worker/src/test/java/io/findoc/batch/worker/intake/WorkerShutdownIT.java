package io.findoc.batch.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.testing.TestKafka;
import io.findoc.batch.worker.testing.TestTasks;
import io.findoc.batch.worker.testing.TestWorkers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A worker stopped while tasks run finishes them first, and the next worker runs none again. */
class WorkerShutdownIT {

  private static final String PREFIX = "d" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private static final String TASKS = PREFIX + "tasks.normal";
  private static final String STATUS = PREFIX + "task-status";

  private final JsonSerde<TaskMessage> tasks = new JsonSerde<>(TaskMessage.class);
  private final JsonSerde<StatusMessage> statuses = new JsonSerde<>(StatusMessage.class);
  private final List<StatusMessage> received = new ArrayList<>();

  @Test
  void stoppingWorkerFinishesAndCommitsWhatItTookSoNothingRunsTwice() throws Exception {
    TestWorkers.createTopics(PREFIX);
    JobId job = JobId.random();
    try (KafkaProducer<String, byte[]> producer = TestKafka.producer();
        KafkaConsumer<String, byte[]> consumer = TestKafka.reader(PREFIX + "reader")) {
      consumer.subscribe(List.of(STATUS));
      ConfigurableApplicationContext first = TestWorkers.start(PREFIX, "first");
      for (int n = 1; n <= 6; n++) {
        TaskMessage task = task(job, n, Map.of("sleepMs", 1500));
        producer
            .send(
                new ProducerRecord<>(TASKS, task.taskId().toString(), tasks.serialize(TASKS, task)))
            .get();
      }
      awaitReports(consumer, job, r -> r.kind() == StatusKind.STARTED, 6);

      first.close();

      awaitReports(consumer, job, r -> r.kind() == StatusKind.SUCCEEDED, 6);
      ConfigurableApplicationContext second = TestWorkers.start(PREFIX, "second");
      try {
        TaskMessage sentinel = task(job, 7, Map.of());
        producer
            .send(
                new ProducerRecord<>(
                    TASKS, sentinel.taskId().toString(), tasks.serialize(TASKS, sentinel)))
            .get();
        awaitReports(consumer, job, r -> r.taskNumber() == 7 && r.kind().isFinal(), 1);
      } finally {
        second.close();
      }
      readToTheEnd(consumer);
      assertThat(reportsOf(job, StatusKind.SUCCEEDED))
          .extracting(StatusMessage::taskNumber)
          .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
      assertThat(reportsOf(job, StatusKind.SUCCEEDED))
          .filteredOn(r -> r.taskNumber() <= 6)
          .allSatisfy(r -> assertThat(r.worker()).isEqualTo("first"));
    }
  }

  /** Reads every report on the status topic so far: a task run twice would show here. */
  private void readToTheEnd(KafkaConsumer<String, byte[]> consumer) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                received.add(statuses.deserialize(STATUS, r.value()));
              }
              return end.entrySet().stream()
                  .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
  }

  private static TaskMessage task(JobId job, int number, Map<String, Object> options) {
    return TestTasks.task(job, number, Priority.NORMAL, "simulate", options);
  }

  private List<StatusMessage> reportsOf(JobId job, StatusKind kind) {
    return received.stream().filter(r -> r.jobId().equals(job) && r.kind() == kind).toList();
  }

  private void awaitReports(
      KafkaConsumer<String, byte[]> consumer,
      JobId job,
      java.util.function.Predicate<StatusMessage> which,
      int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                received.add(statuses.deserialize(STATUS, r.value()));
              }
              return received.stream().filter(r -> r.jobId().equals(job)).filter(which).count()
                  >= count;
            });
  }
}
