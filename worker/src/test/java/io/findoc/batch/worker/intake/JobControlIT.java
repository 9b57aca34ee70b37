package io.findoc.batch.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.ControlAction;
import io.findoc.batch.common.message.ControlMessage;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.worker.execution.JobInstructions;
import io.findoc.batch.worker.testing.StatusReports;
import io.findoc.batch.worker.testing.TestTasks;
import io.findoc.batch.worker.testing.TestWorkers;
import io.findoc.batch.worker.testing.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Job controls on the real broker: a paused job's tasks are deferred until a tombstone lifts the
 * pause, a cancelled job's running attempt stops, and other jobs run on meanwhile.
 */
class JobControlIT {

  private static final String PREFIX = newPrefix();

  private static ConfigurableApplicationContext worker;
  @AutoClose private static final TopicWriter topics = new TopicWriter();
  private static StatusReports reports;
  private static final JsonSerde<ControlMessage> controls = new JsonSerde<>(ControlMessage.class);

  @BeforeAll
  static void start() throws Exception {
    TestWorkers.createTopics(PREFIX);
    worker = TestWorkers.start(PREFIX, "controlled");
    reports = new StatusReports(PREFIX);
  }

  @AfterAll
  static void stop() {
    reports.close();
    worker.close();
  }

  @Test
  void pausedJobIsDeferredWhileOtherJobsRunUntilATombstoneLiftsThePause() {
    JobId paused = JobId.random();
    JobId running = JobId.random();
    control(PREFIX, paused, ControlAction.PAUSE);
    awaitInstruction(paused, Optional.of(ControlAction.PAUSE));

    for (int n = 1; n <= 3; n++) {
      topics.send(PREFIX, TestTasks.task(paused, n, Priority.NORMAL, "noop", Map.of()));
      topics.send(PREFIX, TestTasks.task(running, n, Priority.NORMAL, "noop", Map.of()));
    }

    assertThat(reports.awaitFinal(paused, 3))
        .allSatisfy(r -> assertThat(r.kind()).isEqualTo(StatusKind.DEFERRED))
        .allSatisfy(r -> assertThat(r.startedAt()).isNull())
        .extracting(StatusMessage::taskNumber)
        .containsExactlyInAnyOrder(1, 2, 3);
    assertThat(reports.awaitFinal(running, 3))
        .allSatisfy(r -> assertThat(r.kind()).isEqualTo(StatusKind.SUCCEEDED));

    lift(PREFIX, paused);
    awaitInstruction(paused, Optional.empty());
    topics.send(PREFIX, TestTasks.task(paused, 4, Priority.NORMAL, "noop", Map.of()));
    topics.send(PREFIX, TestTasks.task(paused, 5, Priority.LOW, "noop", Map.of()));

    assertThat(reports.awaitFinal(paused, 5))
        .filteredOn(r -> r.taskNumber() >= 4)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.kind()).isEqualTo(StatusKind.SUCCEEDED));
  }

  @Test
  void workerStartedAfterThePauseReadsItBeforeTakingTasks() throws Exception {
    String prefix = newPrefix();
    TestWorkers.createTopics(prefix);
    JobId paused = JobId.random();
    control(prefix, paused, ControlAction.PAUSE);
    for (int n = 1; n <= 3; n++) {
      topics.send(prefix, TestTasks.task(paused, n, Priority.HIGH, "noop", Map.of()));
    }

    try (StatusReports lateReports = new StatusReports(prefix);
        ConfigurableApplicationContext late = TestWorkers.start(prefix, "late")) {
      assertThat(lateReports.awaitFinal(paused, 3))
          .allSatisfy(r -> assertThat(r.kind()).isEqualTo(StatusKind.DEFERRED))
          .allSatisfy(r -> assertThat(r.worker()).isEqualTo("late"));
    }
  }

  @Test
  void workerStartedBeforeTheControlTopicExistsFindsItLater() throws Exception {
    String prefix = newPrefix();
    TestWorkers.createTaskTopics(prefix);

    try (StatusReports earlyReports = new StatusReports(prefix);
        ConfigurableApplicationContext early = TestWorkers.start(prefix, "early")) {
      JobId running = JobId.random();
      topics.send(prefix, TestTasks.task(running, 1, Priority.NORMAL, "noop", Map.of()));
      assertThat(earlyReports.awaitFinal(running, 1).get(0).kind()).isEqualTo(StatusKind.SUCCEEDED);

      TestWorkers.createControlTopic(prefix);
      JobId paused = JobId.random();
      control(prefix, paused, ControlAction.PAUSE);
      awaitInstruction(early, paused, Optional.of(ControlAction.PAUSE));
      topics.send(prefix, TestTasks.task(paused, 1, Priority.NORMAL, "noop", Map.of()));

      assertThat(earlyReports.awaitFinal(paused, 1).get(0).kind()).isEqualTo(StatusKind.DEFERRED);
    }
  }

  @Test
  void cancellationStopsTheRunningAttemptAndTheWorkerKeepsWorking() {
    JobId cancelled = JobId.random();
    topics.send(
        PREFIX, TestTasks.task(cancelled, 1, Priority.HIGH, "simulate", Map.of("sleepMs", 60_000)));
    reports.awaitReport(
        cancelled,
        r -> r.taskNumber() == 1 && r.kind() == StatusKind.STARTED,
        Duration.ofSeconds(30));

    control(PREFIX, cancelled, ControlAction.CANCEL);

    StatusMessage stopped =
        reports.awaitReport(
            cancelled, r -> r.taskNumber() == 1 && r.kind().isFinal(), Duration.ofSeconds(10));
    assertThat(stopped.kind()).isEqualTo(StatusKind.CANCELLED);
    assertThat(stopped.startedAt()).isNotNull();

    topics.send(
        PREFIX, TestTasks.task(cancelled, 2, Priority.HIGH, "simulate", Map.of("sleepMs", 60_000)));
    StatusMessage neverStarted =
        reports.awaitReport(
            cancelled, r -> r.taskNumber() == 2 && r.kind().isFinal(), Duration.ofSeconds(30));
    assertThat(neverStarted.kind()).isEqualTo(StatusKind.CANCELLED);
    assertThat(neverStarted.startedAt()).isNull();

    JobId other = JobId.random();
    topics.send(PREFIX, TestTasks.task(other, 1, Priority.LOW, "noop", Map.of()));
    assertThat(reports.awaitFinal(other, 1).get(0).kind()).isEqualTo(StatusKind.SUCCEEDED);
  }

  private static String newPrefix() {
    return "c" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  private static void awaitInstruction(JobId job, Optional<ControlAction> expected) {
    awaitInstruction(worker, job, expected);
  }

  private static void awaitInstruction(
      ConfigurableApplicationContext worker, JobId job, Optional<ControlAction> expected) {
    JobInstructions instructions = worker.getBean(JobInstructions.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> instructions.actionFor(job).equals(expected));
  }

  private static void control(String prefix, JobId job, ControlAction action) {
    ControlMessage message = new ControlMessage(ControlMessage.VERSION, job, action, Instant.now());
    String topic = prefix + "control";
    topics.publish(new ProducerRecord<>(topic, job.toString(), controls.serialize(topic, message)));
  }

  private static void lift(String prefix, JobId job) {
    topics.publish(new ProducerRecord<>(prefix + "control", job.toString(), null));
  }
}
