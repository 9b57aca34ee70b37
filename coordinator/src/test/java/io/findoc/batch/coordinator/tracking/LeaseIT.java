package io.findoc.batch.coordinator.tracking;

import static io.findoc.batch.coordinator.testing.Reports.report;
import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.RefusedTaskUpdates;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Leases: a running attempt whose worker stops reporting is handed out again as a new attempt, and
 * the old attempt's late result is fenced out; heartbeats keep a lease. Leases last one second
 * here.
 */
class LeaseIT {

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of("findoc.lease.duration", "1s", "findoc.lease.reap-period", "200ms"));

  @Test
  void aSilentAttemptLosesItsTaskToANewAttemptAndItsLateResultIsIgnored() {
    String job = dispatched(aSubmission().json());
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> task(job).get("attempt").asInt() == 2 && state(job).equals("QUEUED"));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 2, null));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("state").asString().equals("COMPLETED"));
    assertThat(task(job).get("attempt").asInt()).isEqualTo(2);
    assertThat(
            stack
                .coordinator()
                .getBean(MeterRegistry.class)
                .counter("findoc.lease.expired")
                .count())
        .isPositive();
  }

  @Test
  void heartbeatsKeepTheLease() throws InterruptedException {
    String job = dispatched(aSubmission().json());
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));

    for (int i = 0; i < 10; i++) {
      Thread.sleep(300);
      stack.reports().send(report(StatusKind.HEARTBEAT, job, 1, 1, null));
    }

    assertThat(state(job)).isEqualTo("RUNNING");
    assertThat(task(job).get("attempt").asInt()).isEqualTo(1);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> state(job).equals("SUCCEEDED"));
  }

  @Test
  void afterTheLastAttemptALostLeaseFailsTheTaskAndDeadLettersIt() {
    String job = dispatched(aSubmission().retry("maxAttempts", 1).json());
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("state").asString().equals("FAILED"));

    assertThat(task(job).get("error").get("code").asString()).isEqualTo("LEASE_EXPIRED");
    assertThat(TopicRecords.keyed(stack.property("findoc.topics.dead-letters"), job, 1)).hasSize(1);
  }

  /**
   * The database refuses the heartbeats' lease extensions (a trigger stands for an outage of the
   * intake alone, so the reaper can still write): the intake retries their batch for three times
   * the lease, and the reaper must not take the task from its still running attempt meanwhile.
   */
  @Test
  void aLeaseDoesNotExpireWhileTheIntakeRetriesTheHeartbeatsThatWouldExtendIt() throws Exception {
    String job = dispatched(aSubmission().json());
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> state(job).equals("RUNNING"));
    double expiredBefore = expiredLeases();
    try (RefusedTaskUpdates refused =
        RefusedTaskUpdates.where(
            stack.jdbi(),
            "refuse_lease_extension",
            "NEW.state = OLD.state AND NEW.state = 'RUNNING'",
            "P0001",
            "injected: the intake cannot write")) {
      for (int i = 0; i < 10; i++) {
        stack.reports().send(report(StatusKind.HEARTBEAT, job, 1, 1, null));
        Thread.sleep(300); // the worker's heartbeat interval
      }
      assertThat(state(job)).isEqualTo("RUNNING");
      assertThat(task(job).get("attempt").asInt()).isEqualTo(1);
    }
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> state(job).equals("SUCCEEDED"));
    assertThat(task(job).get("attempt").asInt()).isEqualTo(1);
    assertThat(expiredLeases()).isEqualTo(expiredBefore);
  }

  private static double expiredLeases() {
    return stack.coordinator().getBean(MeterRegistry.class).counter("findoc.lease.expired").count();
  }

  /** Before the reaper moved tasks through TaskMoves, it wrote neither of these events. */
  @Test
  void aTaskThatFailsForGoodByItsLeaseWritesItsTaskFailedAndProgressEvents() {
    Map<String, Object> body = new LinkedHashMap<>(aSubmission().tasks(2).body());
    body.put("retry", Map.of("maxAttempts", 1));
    body.put("taskEvents", true);
    String job = stack.api().submit(Api.json(body));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("queued").asInt() == 2);
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("failed").asInt() == 1);

    List<Map<String, Object>> events =
        stack
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT type, data->>'taskNumber' AS task, data->'error'->>'code' AS"
                                + " code FROM job_event WHERE job_id = CAST(:job AS uuid)"
                                + " ORDER BY seq")
                        .bind("job", job)
                        .mapToMap()
                        .list());
    assertThat(events)
        .extracting(e -> e.get("type"))
        .containsSubsequence("batch.task.started", "batch.task.failed", "batch.job.progress");
    assertThat(events)
        .filteredOn(e -> "batch.task.failed".equals(e.get("type")))
        .singleElement()
        .satisfies(e -> assertThat(e.get("task")).isEqualTo("1"));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("state").asString().equals("COMPLETED_WITH_ERRORS"));
  }

  private static String dispatched(String body) {
    String id = stack.api().submit(body);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(id).get("counts").get("queued").asInt() == 1);
    return id;
  }

  private static JsonNode task(String job) {
    return stack.api().get("/api/batch/jobs/" + job + "/tasks/1").body();
  }

  private static String state(String job) {
    return task(job).get("state").asString();
  }
}
