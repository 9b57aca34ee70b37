package io.findoc.batch.coordinator.control;

import static io.findoc.batch.coordinator.testing.Reports.report;
import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.ControlAction;
import io.findoc.batch.common.message.ControlMessage;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.TopicRecords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Pause, resume, cancel and a new priority, against a coordinator whose workers the test plays: it
 * reads the control and task topics and publishes the stack.reports() itself.
 */
class JobControlIT {

  @RegisterExtension static final StackExtension stack = StackExtension.coordinatorOnly(Map.of());

  @Test
  void pauseStopsDispatchAndSignalsTheWorkersWhoseDeferralsWaitForResume() {
    String job = dispatchedJob(3);
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("state").asString().equals("RUNNING"));

    Api.Response paused = stack.api().put("/api/batch/jobs/" + job + "/pause");

    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.body().get("state").asString()).isEqualTo("PAUSED");
    assertThat(controlActions(job, 1)).containsExactly(ControlAction.PAUSE);

    // The workers defer the two tasks they had not started; the started one finishes and counts.
    stack.reports().send(report(StatusKind.DEFERRED, job, 2, 1, null));
    stack.reports().send(report(StatusKind.DEFERRED, job, 3, 1, null));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(job).get("pending").asInt() == 2);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> counts(job).get("pending").asInt() == 2);
    assertThat(counts(job).get("succeeded").asInt()).isEqualTo(1);
    assertThat(stack.api().job(job).get("state").asString()).isEqualTo("PAUSED");

    Api.Response resumed = stack.api().put("/api/batch/jobs/" + job + "/resume");

    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.body().get("state").asString()).isEqualTo("RUNNING");
    List<ConsumerRecord<String, byte[]>> signals =
        TopicRecords.keyed(stack.property("findoc.topics.control"), job, 2);
    assertThat(signals.get(1).value()).as("resume lifts the pause with a tombstone").isNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(job).get("queued").asInt() == 2);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 3, 1, null));
    awaitState(job, "COMPLETED");
    assertThat(transitions(job))
        .containsExactly(
            "null->QUEUED",
            "QUEUED->RUNNING",
            "RUNNING->PAUSED",
            "PAUSED->RUNNING",
            "RUNNING->COMPLETED");
  }

  @Test
  void pauseAndResumeAreIdempotentAndRecordedOnce() {
    String job = dispatchedJob(1);

    assertThat(stack.api().put("/api/batch/jobs/" + job + "/pause").status()).isEqualTo(200);
    assertThat(stack.api().put("/api/batch/jobs/" + job + "/pause").status()).isEqualTo(200);
    assertThat(stack.api().put("/api/batch/jobs/" + job + "/resume").body().get("state").asString())
        .as("no task had started, so the job is QUEUED again")
        .isEqualTo("QUEUED");
    assertThat(stack.api().put("/api/batch/jobs/" + job + "/resume").status()).isEqualTo(200);

    assertThat(transitions(job))
        .containsExactly("null->QUEUED", "QUEUED->PAUSED", "PAUSED->QUEUED");
    List<JsonNode> history = historyOf(job);
    assertThat(history.get(1).get("actor").asString()).startsWith("fdk_");
  }

  @Test
  void cancelEndsEveryUnfinishedTaskAtOnceAndLateResultsChangeNothing() {
    String job = dispatchedJob(4);
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 1, 1, null));
    stack.reports().send(report(StatusKind.STARTED, job, 2, 1, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(job).get("running").asInt() == 1);

    Api.Response cancelled = stack.api().delete("/api/batch/jobs/" + job + "?reason=wrong%20batch");

    assertThat(cancelled.status()).isEqualTo(200);
    JsonNode body = cancelled.body();
    assertThat(body.get("state").asString()).isEqualTo("CANCELLED");
    assertThat(body.get("stateReason").asString()).isEqualTo("wrong batch");
    assertThat(body.get("finishedAt").isNull()).isFalse();
    assertThat(body.get("counts").get("succeeded").asInt()).isEqualTo(1);
    assertThat(body.get("counts").get("cancelled").asInt()).isEqualTo(3);
    assertThat(
            body.get("counts").get("pending").asInt()
                + body.get("counts").get("queued").asInt()
                + body.get("counts").get("running").asInt())
        .isZero();
    assertThat(controlActions(job, 1)).containsExactly(ControlAction.CANCEL);

    // The running task stack.reports() success after all, and a worker closes another attempt.
    stack.reports().send(report(StatusKind.SUCCEEDED, job, 2, 1, null));
    stack.reports().send(report(StatusKind.CANCELLED, job, 3, 1, null));
    String other = dispatchedJob(1);
    stack.reports().send(report(StatusKind.SUCCEEDED, other, 1, 1, null));
    awaitState(other, "COMPLETED");
    assertThat(counts(job).get("succeeded").asInt()).isEqualTo(1);
    assertThat(counts(job).get("cancelled").asInt()).isEqualTo(3);
    assertThat(task(job, 2).get("state").asString()).isEqualTo("CANCELLED");

    assertThat(stack.api().delete("/api/batch/jobs/" + job).status())
        .as("idempotent")
        .isEqualTo(200);
    assertThat(transitions(job))
        .containsExactly("null->QUEUED", "QUEUED->RUNNING", "RUNNING->CANCELLED");
  }

  @Test
  void whatTheStateForbidsIsAConflictNamingTheState() {
    String done = dispatchedJob(1);
    stack.reports().send(report(StatusKind.SUCCEEDED, done, 1, 1, null));
    awaitState(done, "COMPLETED");
    String cancelled = dispatchedJob(1);
    stack.api().delete("/api/batch/jobs/" + cancelled);

    for (Api.Response refused :
        List.of(
            stack.api().put("/api/batch/jobs/" + done + "/pause"),
            stack.api().put("/api/batch/jobs/" + done + "/resume"),
            stack.api().delete("/api/batch/jobs/" + done),
            stack.api().patch("/api/batch/jobs/" + done, "{\"priority\":\"high\"}"),
            stack.api().put("/api/batch/jobs/" + cancelled + "/pause"),
            stack.api().put("/api/batch/jobs/" + cancelled + "/resume"))) {
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.body().get("type").asString())
          .isEqualTo("urn:findoc:problem:job-state-conflict");
      assertThat(refused.body().get("detail").asString()).contains("cannot");
    }
    assertThat(stack.api().put("/api/batch/jobs/" + done + "/pause").body().get("state").asString())
        .isEqualTo("COMPLETED");
    assertThat(stack.api().job(done).get("state").asString()).isEqualTo("COMPLETED");
    assertThat(transitions(done)).containsExactly("null->QUEUED", "QUEUED->COMPLETED");
  }

  @Test
  void operationsOnAJobThatDoesNotExistAnswer404() {
    String missing = "/api/batch/jobs/" + UUID.randomUUID();
    for (Api.Response response :
        List.of(
            stack.api().put(missing + "/pause"),
            stack.api().put(missing + "/resume"),
            stack.api().delete(missing),
            stack.api().patch(missing, "{\"priority\":\"high\"}"),
            stack.api().get(missing + "/history"))) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void aNewPriorityAppliesToTasksDispatchedAfterIt() {
    String job = dispatchedJob(2);
    stack.api().put("/api/batch/jobs/" + job + "/pause");
    stack.reports().send(report(StatusKind.DEFERRED, job, 2, 1, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(job).get("pending").asInt() == 1);

    Api.Response changed = stack.api().patch("/api/batch/jobs/" + job, "{\"priority\":\"high\"}");

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().get("priority").asString()).isEqualTo("high");
    stack.api().put("/api/batch/jobs/" + job + "/resume");
    List<ConsumerRecord<String, byte[]>> onHigh =
        TopicRecords.keyed(stack.property("findoc.topics.tasks-high"), job + "/2", 1);
    TaskMessage redispatched =
        new JsonSerde<>(TaskMessage.class).deserialize("high", onHigh.get(0).value());
    assertThat(redispatched.priority().wireName()).isEqualTo("high");
    assertThat(redispatched.attempt()).as("a deferred attempt did not run").isEqualTo(1);
    assertThat(historyOf(job))
        .anySatisfy(
            line -> assertThat(line.get("detail").asString()).isEqualTo("priority normal -> high"));
  }

  @Test
  void aChangeNamesWhatIsWrongWithIt() {
    String job = dispatchedJob(1);
    String path = "/api/batch/jobs/" + job;
    assertThat(field(stack.api().patch(path, "{\"priority\":\"urgent\"}"))).isEqualTo("priority");
    assertThat(field(stack.api().patch(path, "{}"))).isEqualTo("priority");
    assertThat(field(stack.api().patch(path, "{\"priority\":\"high\",\"name\":\"x\"}")))
        .isEqualTo("name");
    assertThat(field(stack.api().delete(path + "?reason=" + "x".repeat(501)))).isEqualTo("reason");
    assertThat(stack.api().job(job).get("priority").asString()).isEqualTo("normal");
    assertThat(stack.api().job(job).get("state").asString()).isEqualTo("QUEUED");
  }

  private static String field(Api.Response response) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    return response.body().get("errors").get(0).get("field").asString();
  }

  private static String dispatchedJob(int tasks) {
    String id = stack.api().submit(aSubmission().tasks(tasks).json());
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(id).get("queued").asInt() == tasks);
    return id;
  }

  private static JsonNode counts(String job) {
    return stack.api().job(job).get("counts");
  }

  private static JsonNode task(String job, int number) {
    return stack.api().get("/api/batch/jobs/" + job + "/tasks/" + number).body();
  }

  private static void awaitState(String job, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("state").asString().equals(state));
  }

  private static List<JsonNode> historyOf(String job) {
    Api.Response response = stack.api().get("/api/batch/jobs/" + job + "/history");
    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> lines = new java.util.ArrayList<>();
    response.body().forEach(lines::add);
    return lines;
  }

  private static List<String> transitions(String job) {
    return historyOf(job).stream()
        .filter(line -> !line.get("fromState").asString("").equals(line.get("toState").asString()))
        .map(
            line ->
                (line.get("fromState").isNull() ? "null" : line.get("fromState").asString())
                    + "->"
                    + line.get("toState").asString())
        .toList();
  }

  private static List<ControlAction> controlActions(String job, int count) {
    JsonSerde<ControlMessage> serde = new JsonSerde<>(ControlMessage.class);
    return TopicRecords.keyed(stack.property("findoc.topics.control"), job, count).stream()
        .map(r -> r.value() == null ? null : serde.deserialize("control", r.value()).action())
        .toList();
  }
}
