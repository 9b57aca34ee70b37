package io.findoc.batch.coordinator.dispatch;

import static io.findoc.batch.coordinator.testing.Reports.report;
import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.StackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Which tasks the dispatcher hands out, and when, against a coordinator whose queue holds two tasks
 * per priority (the test plays the workers). Every test cancels the jobs it leaves unfinished.
 */
class SchedulingIT {

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of(
              "findoc.dispatch.min-in-flight", 2,
              "findoc.dispatch.max-in-flight", 6,
              "findoc.dispatch.queue-time", "1ms",
              "findoc.submission.max-unfinished-tasks-per-tenant", 1000));

  private final List<String> submitted = new ArrayList<>();

  @AfterEach
  void cancelWhatIsLeft() {
    submitted.forEach(id -> stack.api().delete("/api/batch/jobs/" + id));
  }

  @Test
  void aLifoJobHandsOutItsNewestTasksFirst() {
    String job = submit(aSubmission().tasks(5).with("taskOrder", "lifo").json());

    awaitQueued(job, 4, 5);
    assertThat(stack.api().job(job).get("taskOrder").asString()).isEqualTo("lifo");
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 5, 1, null));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 4, 1, null));
    awaitQueued(job, 2, 3);
  }

  @Test
  void aSmallJobTakesTheFirstFreePlaceBesideABigOne() {
    String big = submit(aSubmission().tasks(50).json());
    awaitQueued(big, 1, 2);
    String small = submit(aSubmission().json());
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> queued(small) == 0);

    stack.reports().send(report(StatusKind.SUCCEEDED, big, 1, 1, null));

    awaitQueued(small, 1);
    assertThat(queuedNumbers(big)).containsExactly(2);
  }

  @Test
  void aHighPriorityJobIsNotHeldBackByAFullNormalQueue() {
    String normal = submit(aSubmission().tasks(50).json());
    awaitQueued(normal, 1, 2);

    String high = submit(aSubmission().tasks(3).priority("high").json());

    awaitQueued(high, 1, 2);
    assertThat(queuedNumbers(normal)).containsExactly(1, 2);
  }

  @Test
  void aDependentJobWaitsUntilItsPrerequisiteCompleted() {
    String first = submit(aSubmission().json());
    String second = submit(aSubmission().dependsOn(first).json());
    assertThat(stack.api().job(second).get("state").asString()).isEqualTo("WAITING");
    awaitQueued(first, 1);
    await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(5))
        .until(() -> queued(second) == 0);

    stack.reports().send(report(StatusKind.SUCCEEDED, first, 1, 1, null));

    awaitQueued(second, 1);
    assertThat(stack.api().job(second).get("state").asString()).isEqualTo("QUEUED");
    JsonNode history = stack.api().get("/api/batch/jobs/" + second + "/history").body();
    assertThat(history.get(1).get("fromState").asString()).isEqualTo("WAITING");
    assertThat(history.get(1).get("detail").asString()).contains("completed");
  }

  @Test
  void aJobWhosePrerequisiteFailedIsCancelledAndSoAreItsOwnDependants() {
    String first = submit(aSubmission().retry("maxAttempts", 1).json());
    String second = submit(aSubmission().tasks(3).dependsOn(first).json());
    String third = submit(aSubmission().dependsOn(second).json());
    awaitQueued(first, 1);

    stack
        .reports()
        .send(
            report(
                StatusKind.FAILED, first, 1, 1, new TaskError("BAD_INPUT", "unreadable", false)));

    awaitState(third, "CANCELLED");
    JsonNode cancelled = stack.api().job(second);
    assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("stateReason").asString()).contains(first).contains("FAILED");
    assertThat(cancelled.get("counts").get("cancelled").asInt()).isEqualTo(3);
    assertThat(stack.api().job(third).get("stateReason").asString())
        .contains(second)
        .contains("CANCELLED");
  }

  @Test
  void anUnknownPrerequisiteIsNamedAndNothingIsStored() {
    long jobs = jobRows();
    UUID unknown = UUID.randomUUID();

    Api.Response refused =
        stack.api().post("/api/batch/jobs", aSubmission().dependsOn(unknown).json());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("field").asString())
        .isEqualTo("dependsOn[0]");
    assertThat(refused.body().get("errors").get(0).get("message").asString())
        .contains(unknown.toString());
    assertThat(
            field(stack.api().post("/api/batch/jobs", aSubmission().with("dependsOn", "x").json())))
        .isEqualTo("dependsOn");
    assertThat(
            field(
                stack
                    .api()
                    .post("/api/batch/jobs", aSubmission().with("taskOrder", "random").json())))
        .isEqualTo("taskOrder");
    assertThat(jobRows()).isEqualTo(jobs);
  }

  @Test
  void pastTheTenantsLimitASubmissionIsRefusedWithRetryAfterAndNothingIsStored() {
    long jobs = jobRows();

    Api.Response tooBig = stack.api().post("/api/batch/jobs", aSubmission().tasks(1001).json());

    assertThat(tooBig.status()).isEqualTo(429);
    assertThat(tooBig.contentType()).startsWith("application/problem+json");
    assertThat(tooBig.body().get("type").asString()).isEqualTo("urn:findoc:problem:queue-limit");
    assertThat(Integer.parseInt(tooBig.retryAfter())).isPositive();
    assertThat(jobRows()).isEqualTo(jobs);

    String filling = submit(aSubmission().tasks(999).json());
    assertThat(stack.api().post("/api/batch/jobs", aSubmission().tasks(2).json()).status())
        .isEqualTo(429);
    assertThat(jobRows()).isEqualTo(jobs + 1);

    stack.api().delete("/api/batch/jobs/" + filling);
    submit(aSubmission().tasks(2).json());
  }

  @Test
  void aTaskRunsOnlyAfterEveryTaskItDependsOnSucceeded() {
    String job = submit(diamond(3));

    awaitQueued(job, 1);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    awaitQueued(job, 2, 3);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> queuedNumbers(job).equals(List.of(3)));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 3, 1, null));
    awaitQueued(job, 4);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 4, 1, null));
    awaitState(job, "COMPLETED");
  }

  @Test
  void whenATaskFailsForGoodEveryTaskThatDependsOnItIsSkippedWithTheReason() {
    String job = submit(diamond(1));
    awaitQueued(job, 1);

    stack
        .reports()
        .send(
            report(StatusKind.FAILED, job, 1, 1, new TaskError("BAD_INPUT", "unreadable", false)));

    awaitState(job, "FAILED");
    JsonNode counts = stack.api().job(job).get("counts");
    assertThat(counts.get("failed").asInt()).isEqualTo(1);
    assertThat(counts.get("skipped").asInt()).isEqualTo(3);
    JsonNode last = stack.api().get("/api/batch/jobs/" + job + "/tasks/4").body();
    assertThat(last.get("state").asString()).isEqualTo("SKIPPED");
    assertThat(last.toString()).contains("DEPENDENCY_FAILED").contains("task 1 (a)");
  }

  @Test
  void cyclesAndUnknownDocumentsAreNamedAndNothingIsStored() {
    long jobs = jobRows();

    Api.Response cycle =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                graph(
                    Map.of("id", "a", "text", "a", "dependsOn", List.of("c")),
                    Map.of("id", "b", "text", "b", "dependsOn", List.of("a")),
                    Map.of("id", "c", "text", "c", "dependsOn", List.of("b")),
                    Map.of("id", "d", "text", "d")));
    Api.Response unknown =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                graph(
                    Map.of("id", "a", "text", "a"),
                    Map.of("id", "b", "text", "b", "dependsOn", List.of("a", "zz"))));
    Api.Response self =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                graph(Map.of("id", "a", "text", "a", "dependsOn", List.of("a"))));

    assertThat(field(cycle)).isEqualTo("documents[0].dependsOn");
    assertThat(cycle.body().get("errors").get(0).get("message").asString())
        .isEqualTo("forms a cycle: 'a' -> 'b' -> 'c' -> 'a'; each waits for the one before it");
    assertThat(field(unknown)).isEqualTo("documents[1].dependsOn");
    assertThat(unknown.body().get("errors").get(0).get("message").asString()).contains("'zz'");
    assertThat(field(self)).isEqualTo("documents[0].dependsOn[0]");
    assertThat(jobRows()).isEqualTo(jobs);
  }

  /** Documents a; b and c depend on a; d on b and c. The first {@code attempts} attempts each. */
  private static String diamond(int attempts) {
    return aSubmission().name("diamond").retry("maxAttempts", attempts).diamond().json();
  }

  @SafeVarargs
  private static String graph(Map<String, Object>... documents) {
    return Api.json(Map.of("name", "graph", "documents", List.of(documents)));
  }

  private String submit(String json) {
    String id = stack.api().submit(json);
    submitted.add(id);
    return id;
  }

  private static String field(Api.Response response) {
    assertThat(response.status()).isEqualTo(400);
    return response.body().get("errors").get(0).get("field").asString();
  }

  private static long jobRows() {
    return stack
        .jdbi()
        .withHandle(h -> h.select("SELECT count(*) FROM job").mapTo(Long.class).one());
  }

  private static int queued(String job) {
    return stack.api().job(job).get("counts").get("queued").asInt();
  }

  private static List<Integer> queuedNumbers(String job) {
    List<Integer> numbers = new ArrayList<>();
    stack
        .api()
        .get("/api/batch/jobs/" + job + "/tasks?state=QUEUED")
        .body()
        .get("items")
        .forEach(task -> numbers.add(task.get("number").asInt()));
    return numbers;
  }

  private static void awaitQueued(String job, Integer... numbers) {
    await().atMost(Duration.ofSeconds(30)).until(() -> queuedNumbers(job).equals(List.of(numbers)));
  }

  private static void awaitState(String job, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("state").asString().equals(state));
  }
}
