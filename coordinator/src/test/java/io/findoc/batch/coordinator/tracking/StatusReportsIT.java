package io.findoc.batch.coordinator.tracking;

import static io.findoc.batch.coordinator.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.FailedTask;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Jobs;
import io.findoc.batch.coordinator.testing.Reports;
import io.findoc.batch.coordinator.testing.RunningStack;
import io.findoc.batch.coordinator.testing.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The aggregator against reports a test publishes itself (no workers run, so dispatched tasks stay
 * QUEUED until the test reports on them). Each test ends with a sentinel report on the same
 * partition: once it is applied, everything sent before it has been consumed.
 */
class StatusReportsIT {

  private static RunningStack stack;
  private static Api api;
  private static Reports reports;

  @BeforeAll
  static void start() {
    stack =
        RunningStack.coordinatorOnly(
            Map.of("findoc.retry.initial-backoff", "1h", "findoc.retry.max-backoff", "1h"));
    api = stack.api();
    reports = new Reports(stack.property("findoc.topics.task-status"));
  }

  @AfterAll
  static void stop() {
    reports.close();
    stack.close();
  }

  @Test
  void duplicateReportsChangeNothing() {
    String job = dispatchedJob(3);
    reports.send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    awaitTask(job, 1, "SUCCEEDED");
    JsonNode first = task(job, 1);
    double ignoredBefore = ignoredReports();

    reports.send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    reports.send(report(StatusKind.STARTED, job, 1, 1, null));
    reports.send(
        report(StatusKind.FAILED, job, 1, 1, new TaskError("LATE", "a late failure", false)));
    reports.send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    awaitTask(job, 2, "SUCCEEDED");

    assertThat(task(job, 1)).isEqualTo(first);
    JsonNode counts = api.job(job).get("counts");
    assertThat(counts.get("succeeded").asInt()).isEqualTo(2);
    assertThat(counts.get("failed").asInt()).isZero();
    assertThat(counts.get("queued").asInt()).isEqualTo(1);
    assertThat(ignoredReports() - ignoredBefore).isEqualTo(3);
  }

  @Test
  void lateReportOfAnOlderAttemptIsIgnored() {
    String job = dispatchedJob(2);
    reports.send(report(StatusKind.FAILED, job, 1, 1, new TaskError("FLAKY", "try again", true)));
    awaitTask(job, 1, "RETRY_WAIT");

    reports.send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    reports.send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    awaitTask(job, 2, "SUCCEEDED");

    JsonNode task = task(job, 1);
    assertThat(task.get("state").asString()).isEqualTo("RETRY_WAIT");
    assertThat(task.get("attempt").asInt()).isEqualTo(2);
    assertThat(task.get("error").get("code").asString()).isEqualTo("FLAKY");
    assertThat(api.job(job).get("counts").get("retryWait").asInt()).isEqualTo(1);
  }

  @Test
  void permanentFailureAndSuccessFinishTheJobWithErrors() {
    String job = dispatchedJob(2);
    reports.send(report(StatusKind.STARTED, job, 1, 1, null));
    awaitTask(job, 1, "RUNNING");
    assertThat(api.job(job).get("state").asString()).isEqualTo("RUNNING");

    reports.send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    reports.send(
        report(StatusKind.FAILED, job, 2, 1, new TaskError("BAD_DOCUMENT", "unreadable", false)));
    awaitTask(job, 2, "FAILED");

    JsonNode finished = api.job(job);
    assertThat(finished.get("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
    assertThat(finished.get("finishedAt").isNull()).isFalse();
  }

  @Test
  void unreadableReportIsDeadLetteredAndThePartitionKeepsFlowing() {
    String job = dispatchedJob(1);
    byte[] poison = "{\"kind\":\"SUCCEEDED\",\"jobId\":".getBytes(StandardCharsets.UTF_8);
    reports.send(job, poison);
    reports.send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    awaitTask(job, 1, "SUCCEEDED");

    ConsumerRecord<String, byte[]> dead = deadLetterKeyed(job);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, DeadLetters.ORIGINAL_TOPIC))
        .isEqualTo(stack.property("findoc.topics.task-status"));
    assertThat(header(dead, DeadLetters.REASON)).contains("StatusMessage");
  }

  @Test
  void batchThatFailsInTheDatabaseIsRetriedUntilItAppliesNeverSkipped() {
    String job = dispatchedJob(2);
    stack
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE FUNCTION refuse_task_updates() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'injected fault: task updates refused'; END $$;"
                        + " CREATE TRIGGER refuse_task_updates BEFORE UPDATE ON task"
                        + " FOR EACH ROW EXECUTE FUNCTION refuse_task_updates()"));
    try {
      reports.send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
      await().atMost(Duration.ofSeconds(30)).until(() -> failedBatches() >= 2);
      assertThat(task(job, 1).get("state").asString()).isEqualTo("QUEUED");
    } finally {
      stack
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "DROP TRIGGER refuse_task_updates ON task;"
                          + " DROP FUNCTION refuse_task_updates()"));
    }

    awaitTask(job, 1, "SUCCEEDED");
    reports.send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    awaitTask(job, 2, "SUCCEEDED");
    assertThat(api.job(job).get("state").asString()).isEqualTo("COMPLETED");
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
    String id = api.submit(Jobs.noop(tasks));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.job(id).get("counts").get("queued").asInt() == tasks);
    return id;
  }

  private static JsonNode task(String job, int number) {
    return api.get("/api/batch/jobs/" + job + "/tasks/" + number).body();
  }

  private static void awaitTask(String job, int number, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> task(job, number).get("state").asString().equals(state));
  }

  private static double ignoredReports() {
    return stack
        .coordinator()
        .getBean(MeterRegistry.class)
        .counter("findoc.status.reports", "outcome", "ignored")
        .count();
  }

  @Test
  void aTaskThatFailsForGoodIsWrittenToTheDeadLettersWithItsErrorAndAttempts() {
    String job = dispatchedJob(2);
    reports.send(
        report(
            StatusKind.FAILED,
            job,
            2,
            1,
            new TaskError("DOC_NOT_FOUND", "404 from origin", false)));
    reports.send(report(StatusKind.SUCCEEDED, job, 1, 1, null));

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
