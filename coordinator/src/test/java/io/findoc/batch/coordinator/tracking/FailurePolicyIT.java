package io.findoc.batch.coordinator.tracking;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Awaits;
import io.findoc.batch.coordinator.testing.Counters;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Failure policies end to end: coordinator and two workers over the real broker and PostgreSQL;
 * thresholds, fail-fast, rollback with compensation (succeeding and failing), and the operator's
 * retry of a job whose tasks depend on one another.
 */
class FailurePolicyIT {

  private static final Duration WITHIN = Duration.ofSeconds(90);

  @RegisterExtension static final StackExtension stack = StackExtension.withWorkers(2);

  private static List<String> docs(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      ids.add("doc-" + i);
    }
    return ids;
  }

  /** Simulated tasks whose {@code failing} documents fail for good. */
  private static Submission failing(int tasks, List<String> failing) {
    return aSubmission()
        .processor("simulate")
        .tasks(tasks)
        .option("failDocuments", failing)
        .option("failure", "permanent");
  }

  private static String submit(Submission job) {
    return stack.api().submit(job.json());
  }

  /** The job once it reached one of {@code states}. */
  private static JsonNode reached(String id, String... states) {
    return Awaits.jobReaches(stack.api(), id, WITHIN, states);
  }

  @Test
  void underTheThresholdTheJobCompletesWithErrors() {
    String id = submit(failing(10, docs(1, 2)).failurePolicy("threshold", Map.of("count", 3)));

    JsonNode done = reached(id, "COMPLETED_WITH_ERRORS", "FAILED");

    assertThat(done.get("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
    assertThat(done.get("counts").get("failed").asInt()).isEqualTo(2);
  }

  @Test
  void atTheThresholdTheJobFailsThoughMostTasksSucceeded() {
    String id = submit(failing(10, docs(1, 3)).failurePolicy("threshold", Map.of("ratio", 0.3)));

    JsonNode done = reached(id, "COMPLETED_WITH_ERRORS", "FAILED");

    assertThat(done.get("state").asString()).isEqualTo("FAILED");
    assertThat(done.get("counts").get("succeeded").asInt()).isEqualTo(7);
    assertThat(done.get("stateReason").asString()).contains("failure threshold reached");
  }

  @Test
  void failFastCancelsTheRemainingTasksAndFailsTheJobAtOnce() {
    String id =
        submit(
            failing(400, docs(1, 5))
                .option("sleepMs", 20)
                .failurePolicy("threshold", Map.of("count", 2), "failFast", true));

    JsonNode done = reached(id, "FAILED", "COMPLETED_WITH_ERRORS");

    assertThat(done.get("state").asString()).isEqualTo("FAILED");
    JsonNode counts = done.get("counts");
    assertThat(counts.get("cancelled").asInt()).isPositive();
    assertThat(
            counts.get("succeeded").asInt()
                + counts.get("failed").asInt()
                + counts.get("cancelled").asInt())
        .isEqualTo(400);
    assertThat(done.get("stateReason").asString()).contains("fail-fast cancelled");
    JsonNode cancelled =
        stack
            .api()
            .get("/api/batch/jobs/" + id + "/tasks?state=CANCELLED&limit=1")
            .body()
            .get("items");
    assertThat(cancelled.get(0).get("error").get("code").asString()).isEqualTo("FAILED_FAST");
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), id)).isTrue();
  }

  @Test
  void rollbackCompensatesEveryTaskThatHadSucceeded() {
    String id =
        submit(
            failing(20, docs(1, 10))
                .failurePolicy("threshold", Map.of("ratio", 0.5), "onFailure", "rollback"));

    JsonNode done = reached(id, "ROLLED_BACK", "FAILED");

    assertThat(done.get("state").asString()).isEqualTo("ROLLED_BACK");
    assertThat(done.get("rollback").get("compensations").asInt()).isEqualTo(10);
    assertThat(done.get("rollback").get("compensated").asInt()).isEqualTo(10);
    JsonNode succeeded =
        stack
            .api()
            .get("/api/batch/jobs/" + id + "/tasks?state=SUCCEEDED&limit=100")
            .body()
            .get("items");
    assertThat(succeeded.valueStream().map(t -> t.get("compensation").get("state").asString()))
        .hasSize(10)
        .containsOnly("DONE");
    // RUNNING may be skipped: a job whose tasks all finish within one status batch moves from
    // QUEUED straight on to its outcome.
    assertThat(history(id)).containsSubsequence("ROLLING_BACK", "ROLLED_BACK");
    assertThat(history(id)).doesNotContain("FAILED", "COMPLETED", "COMPLETED_WITH_ERRORS");
  }

  @Test
  void aCompensationThatFailsForGoodLeavesTheJobFailedAndNotRetryable() {
    String id =
        submit(
            failing(20, docs(1, 10))
                .option("compensationFailure", "retryable")
                .option("failCompensationDocuments", List.of("doc-15"))
                .retry("maxAttempts", 2, "initialBackoff", "PT0.1S", "maxBackoff", 200)
                .failurePolicy("threshold", Map.of("count", 10), "onFailure", "rollback"));

    JsonNode done = reached(id, "ROLLED_BACK", "FAILED");

    assertThat(done.get("state").asString()).isEqualTo("FAILED");
    assertThat(done.get("stateReason").asString())
        .isEqualTo("rollback incomplete: 1 of 10 compensations failed");
    JsonNode task = stack.api().get("/api/batch/jobs/" + id + "/tasks/15").body();
    assertThat(task.get("compensation").get("state").asString()).isEqualTo("FAILED");
    assertThat(task.get("compensation").get("attempt").asInt()).isEqualTo(2);
    assertThat(task.get("compensation").get("error").get("code").asString())
        .isEqualTo("SIMULATED_COMPENSATION_FAILURE");
    assertThat(stack.api().post("/api/batch/jobs/" + id + "/retry", "{}").status()).isEqualTo(409);
  }

  @Test
  void retryingAFailedPrerequisiteRunsTheTasksThatWereSkippedBecauseOfIt() {
    String id =
        submit(
            aSubmission()
                .name("chain")
                .processor("simulate")
                .option("failUntilAttempt", Map.of("a", 1))
                .option("failure", "permanent")
                .noDocuments()
                .document("a", "a")
                .document("b", "b", "a")
                .document("c", "c", "b")
                .document("x", "x")
                .document("y", "y", "x", "a"));
    JsonNode failed = reached(id, "COMPLETED_WITH_ERRORS", "FAILED");
    assertThat(failed.get("counts").get("skipped").asInt()).isEqualTo(3);

    Api.Response retried = stack.api().post("/api/batch/jobs/" + id + "/retry", "{}");

    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.body().get("retried").asInt()).isEqualTo(1);
    JsonNode done = reached(id, "COMPLETED");
    assertThat(done.get("counts").get("succeeded").asInt()).isEqualTo(5);
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), id)).isTrue();
  }

  @Test
  void badPoliciesAreRefusedNamingTheField() {
    Api.Response response =
        stack.api().post("/api/batch/jobs", aSubmission().retry("initialBackoff", "soon").json());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asString())
        .isEqualTo("retry.initialBackoff");

    response =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                aSubmission().failurePolicy("threshold", Map.of("count", 1, "ratio", 0.5)).json());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asString())
        .isEqualTo("failurePolicy.threshold");

    response =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                aSubmission().failurePolicy("onFailure", "explode", "surprise", true).json());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asString())
        .startsWith("failurePolicy");
  }

  private static List<String> history(String id) {
    return stack
        .api()
        .get("/api/batch/jobs/" + id + "/history")
        .body()
        .valueStream()
        .map(h -> h.get("toState").asString())
        .toList();
  }
}
