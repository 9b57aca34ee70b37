package io.findoc.batch.coordinator.tracking;

import static io.findoc.batch.coordinator.testing.Reports.compensation;
import static io.findoc.batch.coordinator.testing.Reports.report;
import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.FailedTask;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.common.topic.DeadLetters;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Leases of compensations: the test plays the worker of a rolling-back job (task 1 succeeded, task
 * 2 failed, threshold one failure, rollback), so task 1's compensation is handed out; a
 * compensation whose worker stops reporting is handed out again as a new attempt and the old
 * attempt's late result is fenced out; heartbeats keep its lease; after the job's last attempt it
 * fails with {@code LEASE_EXPIRED}, the job ends FAILED, and the failure is dead-lettered as a
 * compensation. Leases last two seconds here.
 */
class CompensationLeaseIT {

  private static final Duration WITHIN = Duration.ofSeconds(60);

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of("findoc.lease.duration", "2s", "findoc.lease.reap-period", "200ms"));

  @Test
  void aSilentCompensationIsHandedOutAgainAndItsLateResultIsIgnored() {
    String job = rollingBack(3);
    stack.reports().send(compensation(StatusKind.STARTED, job, 1, 1, null));

    await()
        .atMost(WITHIN)
        .until(() -> compensationAttempt(job) == 2 && compensationState(job).equals("QUEUED"));
    stack.reports().send(compensation(StatusKind.SUCCEEDED, job, 1, 1, null));
    stack.reports().send(compensation(StatusKind.STARTED, job, 1, 2, null));

    // Reports of one job are applied in order: had the late success counted, DONE would stay.
    await().atMost(WITHIN).until(() -> compensationState(job).equals("RUNNING"));
    assertThat(compensationAttempt(job)).isEqualTo(2);
    stack.reports().send(compensation(StatusKind.SUCCEEDED, job, 1, 2, null));
    await().atMost(WITHIN).until(() -> jobState(job).equals("ROLLED_BACK"));
    assertThat(
            stack
                .coordinator()
                .getBean(MeterRegistry.class)
                .counter("findoc.compensation.lease.expired")
                .count())
        .isPositive();
  }

  @Test
  void heartbeatsKeepTheCompensationsLease() throws InterruptedException {
    String job = rollingBack(3);
    stack.reports().send(compensation(StatusKind.STARTED, job, 1, 1, null));
    await().atMost(WITHIN).until(() -> compensationState(job).equals("RUNNING"));

    for (int i = 0; i < 10; i++) {
      Thread.sleep(500);
      stack.reports().send(compensation(StatusKind.HEARTBEAT, job, 1, 1, null));
    }

    assertThat(compensationState(job)).isEqualTo("RUNNING");
    assertThat(compensationAttempt(job)).isEqualTo(1);
    stack.reports().send(compensation(StatusKind.SUCCEEDED, job, 1, 1, null));
    await().atMost(WITHIN).until(() -> jobState(job).equals("ROLLED_BACK"));
  }

  @Test
  void afterTheLastAttemptALostLeaseFailsTheCompensationTheJobAndDeadLettersIt() {
    String job = rollingBack(1);
    stack.reports().send(compensation(StatusKind.STARTED, job, 1, 1, null));

    await().atMost(WITHIN).until(() -> jobState(job).equals("FAILED"));

    assertThat(stack.api().job(job).get("stateReason").asString())
        .isEqualTo("rollback incomplete: 1 of 1 compensations failed");
    JsonNode compensation = task(job).get("compensation");
    assertThat(compensation.get("state").asString()).isEqualTo("FAILED");
    assertThat(compensation.get("error").get("code").asString()).isEqualTo("LEASE_EXPIRED");
    assertThat(compensation.get("error").get("message").asString())
        .contains("test-worker", "compensation attempt 1");
    FailedTask deadLetter = compensationDeadLetter(job);
    assertThat(deadLetter.compensation()).isTrue();
    assertThat(deadLetter.taskNumber()).isEqualTo(1);
    assertThat(deadLetter.attempts()).isEqualTo(1);
    assertThat(deadLetter.error().code()).isEqualTo("LEASE_EXPIRED");
    assertThat(deadLetter.worker()).isEqualTo("test-worker");
  }

  @Test
  void aCompensationThatAWorkerReportsFailedForGoodIsDeadLettered() {
    String job = rollingBack(1);
    stack
        .reports()
        .send(
            compensation(
                StatusKind.FAILED, job, 1, 1, new TaskError("UNDO_REFUSED", "cannot undo", false)));

    await().atMost(WITHIN).until(() -> jobState(job).equals("FAILED"));

    FailedTask deadLetter = compensationDeadLetter(job);
    assertThat(deadLetter.compensation()).isTrue();
    assertThat(deadLetter.error().code()).isEqualTo("UNDO_REFUSED");
    assertThat(deadLetter.documentId()).isEqualTo("doc-1");
  }

  /**
   * A job whose task 1 succeeded and task 2 failed, now rolling back with task 1's compensation
   * (attempt 1) handed to the workers; the job allows {@code maxAttempts}.
   */
  private static String rollingBack(int maxAttempts) {
    Map<String, Object> body = aSubmission().tasks(2).body();
    body.put("retry", Map.of("maxAttempts", maxAttempts));
    body.put("failurePolicy", Map.of("threshold", Map.of("count", 1), "onFailure", "rollback"));
    String job = stack.api().submit(Api.json(body));
    await()
        .atMost(WITHIN)
        .until(() -> stack.api().job(job).get("counts").get("queued").asInt() == 2);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    stack
        .reports()
        .send(
            report(
                StatusKind.FAILED, job, 2, 1, new TaskError("BROKEN", "broken document", false)));
    await()
        .atMost(WITHIN)
        .until(
            () -> jobState(job).equals("ROLLING_BACK") && compensationState(job).equals("QUEUED"));
    return job;
  }

  private static FailedTask compensationDeadLetter(String job) {
    List<ConsumerRecord<String, byte[]>> records =
        TopicRecords.readUntil(
                stack.property("findoc.topics.dead-letters"),
                read -> read.stream().anyMatch(r -> isCompensationOf(r, job)))
            .stream()
            .filter(r -> isCompensationOf(r, job))
            .toList();
    assertThat(records).hasSize(1);
    return new JsonSerde<>(FailedTask.class).deserialize("dlt", records.get(0).value());
  }

  private static boolean isCompensationOf(ConsumerRecord<String, byte[]> record, String job) {
    Header reason = record.headers().lastHeader(DeadLetters.REASON);
    return job.equals(record.key())
        && reason != null
        && FailedTask.COMPENSATION_REASON.equals(
            new String(reason.value(), StandardCharsets.UTF_8));
  }

  private static String jobState(String job) {
    return stack.api().job(job).get("state").asString();
  }

  private static JsonNode task(String job) {
    return stack.api().get("/api/batch/jobs/" + job + "/tasks/1").body();
  }

  private static String compensationState(String job) {
    JsonNode compensation = task(job).get("compensation");
    return compensation == null || compensation.isNull()
        ? "none"
        : compensation.get("state").asString();
  }

  private static int compensationAttempt(String job) {
    return task(job).get("compensation").get("attempt").asInt();
  }
}
