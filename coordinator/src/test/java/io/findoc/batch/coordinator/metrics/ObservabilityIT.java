package io.findoc.batch.coordinator.metrics;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.RunningStack;
import io.findoc.batch.coordinator.testing.Submission;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The observability API against a real broker, PostgreSQL and two workers: the metrics and their
 * history, the attempt log of a task, the error report and the retry of one error group, the
 * progress stream, deadlines, bad input and tenant isolation.
 */
class ObservabilityIT {

  private static RunningStack stack;
  private static Api api;
  private static Api otherTenant;
  private static String failingJob;

  @BeforeAll
  static void start() {
    stack =
        RunningStack.withWorkers(
            2, Map.of("findoc.retry.initial-backoff", "50ms", "findoc.retry.max-backoff", "100ms"));
    api = stack.api();
    otherTenant = stack.admin().withKey(stack.createKey("globex", "operator"));
    Map<String, Object> job =
        aSubmission()
            .processor("simulate")
            .tasks(20)
            .option("failDocuments", List.of("doc-3", "doc-7"))
            .body();
    job.put("retry", Map.of("maxAttempts", 2));
    failingJob = api.submit(Api.json(job));
    awaitFinished(failingJob);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static void awaitFinished(String job) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.job(job).get("finishedAt") != null && !api.job(job).get("finishedAt").isNull());
  }

  @Test
  void metricsShowThroughputLatencyErrorsBacklogJobsAndWorkers() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.admin().get("/api/batch/metrics").body().get("workers").size() == 2);
    JsonNode metrics = api.get("/api/batch/metrics").body();

    assertThat(metrics.get("scope").asString()).isEqualTo(RunningStack.TENANT);
    assertThat(metrics.at("/throughput/last1m").asDouble()).isPositive();
    assertThat(metrics.at("/throughput/last15m").asDouble()).isPositive();
    assertThat(metrics.at("/latency/processing/count").asLong()).isGreaterThanOrEqualTo(20);
    assertThat(metrics.at("/latency/queueWait/p50Ms").isNumber()).isTrue();
    assertThat(metrics.at("/latency/endToEnd/p99Ms").asDouble()).isPositive();
    assertThat(metrics.at("/errors/succeeded").asLong()).isGreaterThanOrEqualTo(18);
    assertThat(metrics.at("/errors/failed").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(metrics.at("/errors/retried").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(metrics.at("/errors/byCode/SIMULATED_FAILURE").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(metrics.at("/errors/errorRate").asDouble()).isPositive();
    assertThat(metrics.at("/backlog/high/consumerLag").isNumber()).isTrue();
    assertThat(metrics.at("/backlog/normal/notDispatched").asLong()).isZero();
    assertThat(metrics.at("/jobsByState/COMPLETED_WITH_ERRORS").asLong()).isPositive();
    JsonNode worker = stack.admin().get("/api/batch/metrics").body().get("workers").get(0);
    assertThat(worker.get("threads").asInt()).isPositive();
    assertThat(worker.get("heapMaxBytes").asLong()).isPositive();
    assertThat(worker.at("/inFlight/high").isNumber()).isTrue();
  }

  @Test
  void historyServesPerStepFigures() {
    Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant from = to.minus(Duration.ofMinutes(10));
    JsonNode history =
        api.get("/api/batch/metrics/history?from=" + from + "&to=" + to + "&step=5m").body();

    assertThat(history.get("points")).hasSize(2);
    long succeeded = 0;
    for (JsonNode point : history.get("points")) {
      succeeded += point.get("succeeded").asLong();
    }
    assertThat(succeeded).isGreaterThanOrEqualTo(18);
  }

  @Test
  void badHistoryParametersAreNamed() {
    assertProblem(api.get("/api/batch/metrics/history?from=yesterday"), "from");
    assertProblem(api.get("/api/batch/metrics/history?to=2025-13-01T00:00:00Z"), "to");
    assertProblem(api.get("/api/batch/metrics/history?step=90s"), "step");
    assertProblem(api.get("/api/batch/metrics/history?step=often"), "step");
    assertProblem(
        api.get(
            "/api/batch/metrics/history?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&step=1m"),
        "step");
    assertProblem(
        api.get("/api/batch/metrics/history?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z"),
        "from");
  }

  @Test
  void everyAttemptOfATaskIsServedWithIt() {
    JsonNode task = api.get("/api/batch/jobs/" + failingJob + "/tasks/3").body();

    JsonNode attempts = task.get("attempts");
    // Two attempts failed; the error report's test may have retried the task as a third.
    assertThat(attempts.size()).isGreaterThanOrEqualTo(2);
    assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(1);
    assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("FAILED");
    assertThat(attempts.at("/0/error/code").asString()).isEqualTo("SIMULATED_FAILURE");
    assertThat(attempts.get(0).get("worker").asString()).isNotBlank();
    assertThat(attempts.get(0).get("startedAt").isNull()).isFalse();
    assertThat(attempts.get(1).get("attempt").asInt()).isEqualTo(2);
    assertThat(attempts.get(1).get("outcome").asString()).isEqualTo("FAILED");
    assertThat(attempts.get(1).get("durationMs").asLong()).isNotNegative();
    assertThat(api.get("/api/batch/jobs/" + failingJob + "/tasks/1").body().get("attempts"))
        .hasSize(1);
  }

  @Test
  void errorsAreGroupedByCodeAndMessagePatternAndOneGroupCanBeRetried() {
    JsonNode report = api.get("/api/batch/jobs/" + failingJob + "/errors").body();
    assertThat(report.get("failedTasks").asLong()).isEqualTo(2);
    JsonNode group = report.get("groups").get(0);
    assertThat(group.get("errorCode").asString()).isEqualTo("SIMULATED_FAILURE");
    assertThat(group.get("tasks").asLong()).isEqualTo(2);
    assertThat(group.get("pattern").asString())
        .isEqualTo("simulated failure of document doc-#, attempt #");
    assertThat(group.get("sampleTasks").get(0).asInt()).isEqualTo(3);

    String csv = api.text("/api/batch/jobs/" + failingJob + "/errors?format=csv");
    assertThat(csv.lines()).hasSize(3);
    assertThat(csv.lines().skip(1)).allMatch(line -> line.contains("SIMULATED_FAILURE"));
    assertProblem(api.get("/api/batch/jobs/" + failingJob + "/errors?format=xml"), "format");

    assertProblem(
        api.post("/api/batch/jobs/" + failingJob + "/retry", "{\"errorGroups\":[\"nope\"]}"),
        "errorGroups[0]");
    Api.Response retried =
        api.post(
            "/api/batch/jobs/" + failingJob + "/retry",
            "{\"errorGroups\":[\"" + group.get("fingerprint").asString() + "\"]}");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.body().get("retried").asInt()).isEqualTo(2);
  }

  @Test
  void aJobWithADeadlineShowsItsProgressAndDeadlineStatus() {
    Map<String, Object> job = aSubmission().tasks(5).body();
    job.put("deadline", Instant.now().plus(Duration.ofHours(1)).toString());
    String id = api.submit(Api.json(job));
    awaitFinished(id);

    JsonNode progress = api.job(id).get("progress");
    assertThat(progress.get("percentDone").asDouble()).isEqualTo(100.0);
    assertThat(progress.get("etaSeconds").asLong()).isZero();
    assertThat(progress.get("deadlineStatus").asString()).isEqualTo("MET");
    assertThat(progress.get("throughputPerSecond").asDouble()).isPositive();
    assertThat(api.get("/api/batch/metrics").body().at("/sla/met").asLong()).isPositive();
  }

  @Test
  void aDeadlineInThePastOrMalformedIsRefusedNamingTheField() {
    Submission job = aSubmission();
    assertProblem(
        api.post("/api/batch/jobs", job.with("deadline", "2020-01-01T00:00:00Z").json()),
        "deadline");
    assertProblem(api.post("/api/batch/jobs", job.with("deadline", "tomorrow").json()), "deadline");
    assertProblem(api.post("/api/batch/jobs", job.with("deadline", 42).json()), "deadline");
  }

  @Test
  void theProgressStreamSendsEventsUntilTheJobFinishes() throws Exception {
    String id =
        api.submit(aSubmission().processor("simulate").tasks(20).option("sleepMs", 100).json());
    HttpResponse<java.io.InputStream> response = stream(api, id);
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> events = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("data:")) {
          events.add(line.substring(5));
        }
      }
    }
    assertThat(events).isNotEmpty();
    assertThat(events.get(events.size() - 1)).contains("\"state\":\"COMPLETED\"");
  }

  @Test
  void anotherTenantSeesNeitherTheFiguresNorTheErrorsNorTheStreamOfAJob() throws Exception {
    JsonNode theirs = otherTenant.get("/api/batch/metrics").body();
    assertThat(theirs.get("scope").asString()).isEqualTo("globex");
    assertThat(theirs.at("/errors/succeeded").asLong()).isZero();
    assertThat(theirs.get("jobsByState")).isEmpty();
    assertThat(otherTenant.get("/api/batch/jobs/" + failingJob + "/errors").status())
        .isEqualTo(404);
    assertThat(stream(otherTenant, failingJob).statusCode()).isEqualTo(404);
    assertThat(api.withKey(null).get("/api/batch/metrics").status()).isEqualTo(401);
    assertThat(stack.admin().get("/api/batch/metrics").body().get("scope").asString())
        .isEqualTo("all");
  }

  @Test
  void prometheusAndHealthNeedNoKeyAndHealthChecksBrokerAndDatabase() {
    Api anonymous = api.withKey(null);
    assertThat(anonymous.text("/actuator/prometheus"))
        .contains("findoc_tasks_finished_total")
        .contains("findoc_task_processing_seconds_bucket")
        .contains("findoc_status_reports_total")
        .contains("findoc_agent_failures_total{agent=\"lease-reaper\"")
        .contains("findoc_agent_failures_total{agent=\"progress-streams\"");
    JsonNode readiness = anonymous.get("/actuator/health/readiness").body();
    assertThat(readiness.get("status").asString()).isEqualTo("UP");
  }

  private static HttpResponse<java.io.InputStream> stream(Api client, String job) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(client.base() + "/api/batch/jobs/" + job + "/stream"))
            .header("Authorization", "Bearer " + client.key())
            .timeout(Duration.ofSeconds(60))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  private static void assertProblem(Api.Response response, String field) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().toString()).contains("\"" + field + "\"");
  }
}
