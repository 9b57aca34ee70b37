package io.findoc.batch.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.common.message.WorkerControlMessage;
import io.findoc.batch.common.message.WorkerIntake;
import io.findoc.batch.worker.testing.StatusReports;
import io.findoc.batch.worker.testing.TestTasks;
import io.findoc.batch.worker.testing.TestWorkers;
import io.findoc.batch.worker.testing.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An operator's drain on the real broker: the drained worker finishes the task it has, takes no new
 * one, and leaves the task topics to another worker; it stays drained across a restart, and a
 * tombstone lets it take tasks again.
 */
class WorkerDrainIT {

  private static final String PREFIX = "d" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private static final String DRAINED = "drained-worker";

  @AutoClose private static final TopicWriter topics = new TopicWriter();
  private static StatusReports reports;
  private static final JsonSerde<WorkerControlMessage> controls =
      new JsonSerde<>(WorkerControlMessage.class);

  @BeforeAll
  static void start() throws Exception {
    TestWorkers.createTopics(PREFIX);
    reports = new StatusReports(PREFIX);
  }

  @AfterAll
  static void stop() {
    reports.close();
  }

  @Test
  void aDrainedWorkerFinishesItsTaskLeavesTheTopicsAndStaysDrainedUntilUndrained() {
    ConfigurableApplicationContext drained = TestWorkers.start(PREFIX, DRAINED);
    ConfigurableApplicationContext other = null;
    try {
      // A task in flight when the drain comes runs to its end.
      JobId first = JobId.random();
      send(task(first, 1, "simulate", Map.of("sleepMs", 1500)));
      IntakeThrottle throttle = drained.getBean(IntakeThrottle.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> throttle.inFlight(Priority.NORMAL) > 0);
      drain(true);
      WorkerDrain drain = drained.getBean(WorkerDrain.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> drain.intake() != WorkerIntake.TAKING);
      StatusMessage finished = reports.awaitFinal(first, 1).get(0);
      assertThat(finished.kind()).isEqualTo(StatusKind.SUCCEEDED);
      await().atMost(Duration.ofSeconds(30)).until(() -> drain.intake() == WorkerIntake.DRAINED);

      // New tasks wait for another worker, which gets every partition the drained one left.
      JobId second = JobId.random();
      for (int n = 1; n <= 3; n++) {
        send(task(second, n, "noop", Map.of()));
      }
      other = TestWorkers.start(PREFIX, "other-worker");
      assertThat(reports.awaitFinal(second, 3))
          .allSatisfy(r -> assertThat(r.worker()).isEqualTo("other-worker"))
          .allSatisfy(r -> assertThat(r.kind()).isEqualTo(StatusKind.SUCCEEDED));
      other.close();
      other = null;

      // Restarted, it reads the drain before its containers start, and stays drained.
      drained.close();
      drained = TestWorkers.start(PREFIX, DRAINED);
      WorkerDrain restarted = drained.getBean(WorkerDrain.class);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> restarted.intake() == WorkerIntake.DRAINED);
      JobId third = JobId.random();
      send(task(third, 1, "noop", Map.of()));

      // Undrained, it takes them.
      drain(false);
      await().atMost(Duration.ofSeconds(30)).until(() -> restarted.intake() == WorkerIntake.TAKING);
      assertThat(reports.awaitFinal(third, 1))
          .allSatisfy(r -> assertThat(r.worker()).isEqualTo(DRAINED))
          .allSatisfy(r -> assertThat(r.kind()).isEqualTo(StatusKind.SUCCEEDED));
    } finally {
      if (other != null) {
        other.close();
      }
      drain(false);
      drained.close();
    }
  }

  private static TaskMessage task(
      JobId job, int number, String processor, Map<String, Object> options) {
    return TestTasks.task(job, number, Priority.NORMAL, processor, options);
  }

  private static void send(TaskMessage task) {
    topics.send(PREFIX, task);
  }

  private static void drain(boolean drain) {
    String topic = PREFIX + "control";
    byte[] value =
        drain
            ? controls.serialize(
                topic,
                new WorkerControlMessage(
                    WorkerControlMessage.VERSION, DRAINED, true, Instant.now()))
            : null;
    topics.publish(new ProducerRecord<>(topic, WorkerControlMessage.key(DRAINED), value));
  }
}
