package io.findoc.batch.coordinator.tracking;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Awaits;
import io.findoc.batch.coordinator.testing.Counters;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Jobs run end to end: coordinator and two workers over the real broker and PostgreSQL. */
class JobLifecycleIT {

  @RegisterExtension static final StackExtension stack = StackExtension.withWorkers(2);

  @Test
  void thousandNoopTasksAllSucceedAndCountsAddUp() {
    String id = stack.api().submit(aSubmission().tasks(1000).json());

    JsonNode job = Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "COMPLETED");

    JsonNode counts = job.get("counts");
    assertThat(counts.get("total").asInt()).isEqualTo(1000);
    assertThat(counts.get("succeeded").asInt()).isEqualTo(1000);
    for (String other : List.of("pending", "queued", "running", "retryWait", "failed")) {
      assertThat(counts.get(other).asInt()).as(other).isZero();
    }
    assertThat(job.get("percentDone").asDouble()).isEqualTo(100.0);
    assertThat(job.get("startedAt").isNull()).isFalse();
    assertThat(job.get("finishedAt").isNull()).isFalse();
    assertThat(tasksInState(id, "SUCCEEDED")).isEqualTo(1000);
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), id)).isTrue();
  }

  @Test
  void permanentFailuresEndTheJobWithErrorsAndExactCounts() {
    String id =
        stack
            .api()
            .submit(
                aSubmission()
                    .processor("simulate")
                    .tasks(100)
                    .options(
                        Map.of(
                            "failDocuments",
                            List.of("doc-3", "doc-50", "doc-99"),
                            "failure",
                            "permanent"))
                    .json());

    JsonNode job =
        Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "COMPLETED_WITH_ERRORS");

    assertThat(job.get("counts").get("succeeded").asInt()).isEqualTo(97);
    assertThat(job.get("counts").get("failed").asInt()).isEqualTo(3);
    JsonNode failed = stack.api().get("/api/batch/jobs/" + id + "/tasks?state=FAILED").body();
    assertThat(failed.get("total").asInt()).isEqualTo(3);
    assertThat(failed.get("items").valueStream().map(t -> t.get("documentId").asString()))
        .containsExactly("doc-3", "doc-50", "doc-99");
    JsonNode task = failed.get("items").get(0);
    assertThat(task.get("error").get("code").asString()).isEqualTo("SIMULATED_FAILURE");
    assertThat(task.get("attempt").asInt()).isEqualTo(1);
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), id)).isTrue();

    List<JsonNode> export =
        stack
            .api()
            .text("/api/batch/jobs/" + id + "/results")
            .lines()
            .map(Json.mapper()::readTree)
            .toList();
    assertThat(export).hasSize(100);
    assertThat(export.get(2).get("documentId").asString()).isEqualTo("doc-3");
    assertThat(export.get(2).get("error").get("code").asString()).isEqualTo("SIMULATED_FAILURE");
    assertThat(export.get(0).get("result").isObject()).isTrue();
    assertThat(stack.api().text("/api/batch/jobs/" + id + "/results?state=FAILED").lines())
        .hasSize(3);
  }

  @Test
  void retryableFailuresAreRetriedAsNewAttemptsUntilTheySucceed() {
    Submission body = aSubmission().processor("simulate").tasks(20).option("failAttempts", 2);
    String id = stack.api().submit(body.retry("maxAttempts", 3).json());

    JsonNode job = Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "COMPLETED");

    assertThat(job.get("counts").get("succeeded").asInt()).isEqualTo(20);
    JsonNode task = stack.api().get("/api/batch/jobs/" + id + "/tasks/7").body();
    assertThat(task.get("attempt").asInt()).isEqualTo(3);
    assertThat(task.get("result").get("attempt").asInt()).isEqualTo(3);
  }

  @Test
  void taskOutOfAttemptsFailsAndAJobWithNoSuccessFails() {
    Submission body = aSubmission().processor("simulate").tasks(5).option("failAttempts", 10);
    String id = stack.api().submit(body.retry("maxAttempts", 2).json());

    JsonNode job = Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "FAILED");

    assertThat(job.get("counts").get("failed").asInt()).isEqualTo(5);
    JsonNode task = stack.api().get("/api/batch/jobs/" + id + "/tasks/1").body();
    assertThat(task.get("state").asString()).isEqualTo("FAILED");
    assertThat(task.get("attempt").asInt()).isEqualTo(2);
    assertThat(task.get("error").get("code").asString()).isEqualTo("SIMULATED_FAILURE");
  }

  @Test
  void unknownProcessorFailsEveryTaskPermanently() {
    String id = stack.api().submit(aSubmission().processor("no.such.processor").tasks(3).json());

    Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "FAILED");

    JsonNode task = stack.api().get("/api/batch/jobs/" + id + "/tasks/2").body();
    assertThat(task.get("error").get("code").asString()).isEqualTo("UNKNOWN_PROCESSOR");
    assertThat(task.get("attempt").asInt()).isEqualTo(1);
  }

  private long tasksInState(String jobId, String state) {
    return stack
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM task WHERE job_id = CAST(:id AS uuid) AND state = :s")
                    .bind("id", jobId)
                    .bind("s", state)
                    .mapTo(Long.class)
                    .one());
  }

  /** INV-2: the counters on the job row equal the task rows counted per state. */
  @Test
  void retryingFailedTasksReopensTheJobAndTheyRunAgainAsNewAttempts() {
    Submission body =
        aSubmission()
            .processor("simulate")
            .tasks(10)
            .options(Map.of("failAttempts", 1, "failure", "permanent"));
    String id = stack.api().submit(body.retry("maxAttempts", 1).json());
    Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "FAILED");

    Api.Response none =
        stack.api().post("/api/batch/jobs/" + id + "/retry", "{\"errorCodes\":[\"NO_SUCH_CODE\"]}");
    Api.Response some = stack.api().post("/api/batch/jobs/" + id + "/retry", "{\"tasks\":[1,2,3]}");

    assertThat(none.body().get("retried").asInt()).isZero();
    assertThat(some.status()).isEqualTo(200);
    assertThat(some.body().get("retried").asInt()).isEqualTo(3);
    Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "COMPLETED_WITH_ERRORS");
    Api.Response rest =
        stack
            .api()
            .post("/api/batch/jobs/" + id + "/retry", "{\"errorCodes\":[\"SIMULATED_FAILURE\"]}");
    assertThat(rest.body().get("retried").asInt()).isEqualTo(7);
    JsonNode job = Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "COMPLETED");

    assertThat(job.get("counts").get("succeeded").asInt()).isEqualTo(10);
    assertThat(job.get("counts").get("failed").asInt()).isZero();
    assertThat(stack.api().get("/api/batch/jobs/" + id + "/tasks/4").body().get("attempt").asInt())
        .isEqualTo(2);
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), id)).isTrue();
    assertThat(stack.api().post("/api/batch/jobs/" + id + "/retry", "{}").status())
        .as("a completed job has nothing to retry")
        .isEqualTo(409);
  }
}
