package io.findoc.batch.coordinator.tracking;

import static io.findoc.batch.coordinator.testing.Reports.report;
import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.FailedTask;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.coordinator.testing.RefusedTaskUpdates;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The aggregator against stack.reports() a test publishes itself (no workers run, so dispatched
 * tasks stay QUEUED until the test stack.reports() on them). Each test ends with a sentinel report
 * on the same partition: once it is applied, everything sent before it has been consumed.
 */
class StatusReportsIT {

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of("findoc.retry.initial-backoff", "1h", "findoc.retry.max-backoff", "1h"));

  @Test
  void duplicateReportsChangeNothing() {
    String job = dispatchedJob(3);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    awaitTask(job, 1, "SUCCEEDED");
    JsonNode first = task(job, 1);
    double duplicatesBefore = reportsCounted("duplicate");
    double lateBefore = reportsCounted("late");

    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));
    stack
        .reports()
        .send(report(StatusKind.FAILED, job, 1, 1, new TaskError("LATE", "a late failure", false)));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    awaitTask(job, 2, "SUCCEEDED");

    assertThat(task(job, 1)).isEqualTo(first);
    JsonNode counts = stack.api().job(job).get("counts");
    assertThat(counts.get("succeeded").asInt()).isEqualTo(2);
    assertThat(counts.get("failed").asInt()).isZero();
    assertThat(counts.get("queued").asInt()).isEqualTo(1);
    awaitCounted("duplicate", duplicatesBefore, 3);
    awaitCounted("late", lateBefore, 0);
  }

  @Test
  void lateReportOfAnOlderAttemptIsIgnored() {
    String job = dispatchedJob(2);
    stack
        .reports()
        .send(report(StatusKind.FAILED, job, 1, 1, new TaskError("FLAKY", "try again", true)));
    awaitTask(job, 1, "RETRY_WAIT");
    double lateBefore = reportsCounted("late");
    double duplicatesBefore = reportsCounted("duplicate");

    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    awaitTask(job, 2, "SUCCEEDED");

    JsonNode task = task(job, 1);
    assertThat(task.get("state").asString()).isEqualTo("RETRY_WAIT");
    assertThat(task.get("attempt").asInt()).isEqualTo(2);
    assertThat(task.get("error").get("code").asString()).isEqualTo("FLAKY");
    assertThat(stack.api().job(job).get("counts").get("retryWait").asInt()).isEqualTo(1);
    awaitCounted("late", lateBefore, 1);
    awaitCounted("duplicate", duplicatesBefore, 0);
  }

  @Test
  void permanentFailureAndSuccessFinishTheJobWithErrors() {
    String job = dispatchedJob(2);
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));
    awaitTask(job, 1, "RUNNING");
    assertThat(stack.api().job(job).get("state").asString()).isEqualTo("RUNNING");

    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    stack
        .reports()
        .send(
            report(
                StatusKind.FAILED, job, 2, 1, new TaskError("BAD_DOCUMENT", "unreadable", false)));
    awaitTask(job, 2, "FAILED");

    JsonNode finished = stack.api().job(job);
    assertThat(finished.get("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
    assertThat(finished.get("finishedAt").isNull()).isFalse();
  }

  @Test
  void unreadableReportIsDeadLetteredAndThePartitionKeepsFlowing() {
    String job = dispatchedJob(1);
    byte[] poison = "{\"kind\":\"SUCCEEDED\",\"jobId\":".getBytes(StandardCharsets.UTF_8);
    stack.reports().send(job, poison);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    awaitTask(job, 1, "SUCCEEDED");

    ConsumerRecord<String, byte[]> dead = deadLetterKeyed(job);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, DeadLetters.ORIGINAL_TOPIC))
        .isEqualTo(stack.property("findoc.topics.task-status"));
    assertThat(header(dead, DeadLetters.REASON)).contains("StatusMessage");
  }

  /**
   * Reports another Kafka client could write, each of which the database would refuse: before they
   * were checked, one of them made the whole batch fail for ever, and with it every tenant's
   * intake.
   */
  @Test
  void invalidReportsAreDeadLetteredWithTheirReasonAndTheRestOfTheBatchApplies() {
    String job = dispatchedJob(3);
    String times = "\"startedAt\":\"2026-12-03T10:00:00Z\",\"finishedAt\":\"2026-12-03T10:00:01Z\"";
    String of = "{\"version\":1,\"jobId\":\"" + job + "\",";
    List<String> forged =
        List.of(
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":1,\"attempt\":1,\"worker\":\"w\","
                + times
                + ",\"result\":{\"name\":\"ACME\\u0000\"}}",
            of
                + "\"kind\":\"FAILED\",\"taskNumber\":2,\"attempt\":1,\"worker\":\"w\","
                + times
                + ",\"error\":{\"code\":\"X\",\"message\":\"a\\u0000b\",\"retryable\":false}}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":3,\"attempt\":1,\"worker\":\"w\\u0000\","
                + times
                + "}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":0,\"attempt\":1,\"worker\":\"w\","
                + times
                + "}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":1,\"attempt\":-1,\"worker\":\"w\","
                + times
                + "}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":2,\"attempt\":1,\"worker\":\"w\","
                + "\"startedAt\":\"2026-12-03T10:00:00Z\",\"finishedAt\":\"+300000-01-01T00:00:00Z\"}",
            of
                + "\"kind\":\"SUCCEEDED\",\"taskNumber\":3,\"attempt\":1,\"worker\":\"w\","
                + "\"startedAt\":\"2026-12-03T10:00:00Z\"}",
            "{\"version\":1,\"kind\":\"SUCCEEDED\",\"taskNumber\":1,\"attempt\":1," + times + "}");
    double invalidBefore = reportsCounted("invalid");
    for (String report : forged) {
      stack.reports().send(job, report.getBytes(StandardCharsets.UTF_8));
    }
    for (int number = 1; number <= 3; number++) {
      stack.reports().send(report(StatusKind.SUCCEEDED, job, number, 1, null));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("state").asString().equals("COMPLETED"));
    List<ConsumerRecord<String, byte[]>> dead =
        TopicRecords.keyed(stack.property("findoc.topics.dead-letters"), job, forged.size());
    assertThat(dead).hasSize(forged.size());
    assertThat(dead)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactlyElementsOf(forged);
    assertThat(dead)
        .extracting(r -> header(r, DeadLetters.REASON))
        .allSatisfy(reason -> assertThat(reason).startsWith("invalid status report: "))
        .anySatisfy(reason -> assertThat(reason).contains("result.name has a NUL character"))
        .anySatisfy(reason -> assertThat(reason).contains("error.message has a NUL character"))
        .anySatisfy(reason -> assertThat(reason).contains("worker has a NUL character"))
        .anySatisfy(reason -> assertThat(reason).contains("taskNumber 0 is below 1"))
        .anySatisfy(reason -> assertThat(reason).contains("attempt -1 is below 1"))
        .anySatisfy(reason -> assertThat(reason).contains("+300000-01-01T00:00:00Z is outside"))
        .anySatisfy(reason -> assertThat(reason).contains("finishedAt is missing"))
        .anySatisfy(reason -> assertThat(reason).contains("jobId is missing"));
    assertThat(dead)
        .extracting(r -> header(r, DeadLetters.ORIGINAL_OFFSET))
        .allSatisfy(offset -> assertThat(Long.parseLong(offset)).isNotNegative());
    awaitCounted("invalid", invalidBefore, forged.size());
    for (int number = 1; number <= 3; number++) {
      assertThat(task(job, number).get("worker").asString()).isEqualTo("test-worker");
    }
  }

  @Test
  void aReportTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsBatchApplies() {
    String job = dispatchedJob(3);
    try (RefusedTaskUpdates refused =
        RefusedTaskUpdates.where(
            stack.jdbi(),
            "refuse_task_two",
            "NEW.job_id = '" + job + "' AND NEW.number = 2 AND NEW.state = 'SUCCEEDED'",
            "22023",
            "injected: task 2 refused")) {
      double refusedBefore = reportsCounted("refused");
      for (int number = 1; number <= 3; number++) {
        stack.reports().send(report(StatusKind.SUCCEEDED, job, number, 1, null));
      }

      ConsumerRecord<String, byte[]> dead = deadLetterKeyed(job);
      assertThat(header(dead, DeadLetters.REASON))
          .startsWith("refused by the database: SQL state 22023")
          .contains("injected: task 2 refused");
      assertThat(new JsonSerde<>(StatusMessage.class).deserialize("dlt", dead.value()).taskNumber())
          .isEqualTo(2);
      awaitTask(job, 1, "SUCCEEDED");
      awaitTask(job, 3, "SUCCEEDED");
      assertThat(task(job, 2).get("state").asString()).isEqualTo("QUEUED");
      awaitCounted("refused", refusedBefore, 1);
    }
  }

  /**
   * Waits until {@code expected} stack.reports() more than {@code before} are counted under {@code
   * outcome} (the aggregator counts a batch after it committed, so a test may see the rows first),
   * then checks that no more were.
   */
  private static void awaitCounted(String outcome, double before, double expected) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> reportsCounted(outcome) - before >= expected);
    assertThat(reportsCounted(outcome) - before).as(outcome).isEqualTo(expected);
  }

  private static double reportsCounted(String outcome) {
    return stack
        .coordinator()
        .getBean(MeterRegistry.class)
        .counter("findoc.status.reports", "outcome", outcome)
        .count();
  }

  @Test
  void batchThatFailsInTheDatabaseIsRetriedUntilItAppliesNeverSkipped() {
    String job = dispatchedJob(2);
    try (RefusedTaskUpdates refused =
        RefusedTaskUpdates.where(
            stack.jdbi(),
            "refuse_task_updates",
            "true",
            "P0001",
            "injected fault: task updates refused")) {
      stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
      await().atMost(Duration.ofSeconds(30)).until(() -> failedBatches() >= 2);
      assertThat(task(job, 1).get("state").asString()).isEqualTo("QUEUED");
    }

    awaitTask(job, 1, "SUCCEEDED");
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    awaitTask(job, 2, "SUCCEEDED");
    assertThat(stack.api().job(job).get("state").asString()).isEqualTo("COMPLETED");
  }

  /** Status batches the listener gave up on for now (the error handler retries them). */
  private static double failedBatches() {
    return stack
        .coordinator()
        .getBean(MeterRegistry.class)
        .find("findoc.status.batch.apply")
        .timers()
        .stream()
        .filter(t -> "failed".equals(t.getId().getTag("outcome")))
        .mapToDouble(t -> t.count())
        .sum();
  }

  private static String dispatchedJob(int tasks) {
    String id = stack.api().submit(aSubmission().tasks(tasks).json());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(id).get("counts").get("queued").asInt() == tasks);
    return id;
  }

  private static JsonNode task(String job, int number) {
    return stack.api().get("/api/batch/jobs/" + job + "/tasks/" + number).body();
  }

  private static void awaitTask(String job, int number, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> task(job, number).get("state").asString().equals(state));
  }

  @Test
  void aTaskThatFailsForGoodIsWrittenToTheDeadLettersWithItsErrorAndAttempts() {
    String job = dispatchedJob(2);
    stack
        .reports()
        .send(
            report(
                StatusKind.FAILED,
                job,
                2,
                1,
                new TaskError("DOC_NOT_FOUND", "404 from origin", false)));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));

    ConsumerRecord<String, byte[]> record = deadLetterKeyed(job);

    assertThat(header(record, DeadLetters.REASON)).isEqualTo(FailedTask.REASON);
    FailedTask failed = new JsonSerde<>(FailedTask.class).deserialize("dlt", record.value());
    assertThat(failed.taskNumber()).isEqualTo(2);
    assertThat(failed.documentId()).isEqualTo("doc-2");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.error().code()).isEqualTo("DOC_NOT_FOUND");
    assertThat(failed.error().message()).isEqualTo("404 from origin");
    assertThat(failed.worker()).isEqualTo("test-worker");
  }

  private static ConsumerRecord<String, byte[]> deadLetterKeyed(String key) {
    return TopicRecords.keyed(stack.property("findoc.topics.dead-letters"), key, 1).get(0);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
