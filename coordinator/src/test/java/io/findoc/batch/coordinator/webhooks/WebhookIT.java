package io.findoc.batch.coordinator.webhooks;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Awaits;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.Submission;
import io.findoc.batch.coordinator.testing.TopicRecords;
import io.findoc.batch.coordinator.testing.WebhookReceiver;
import io.findoc.batch.coordinator.testing.WebhookReceiver.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks and job events against the real broker, PostgreSQL and an HTTP receiver that checks
 * signatures with its own code (FI-12 of TESTING.md).
 */
class WebhookIT {

  @AutoClose static final WebhookReceiver receiver = WebhookReceiver.start();

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.withWebhooksToThisMachine(
          1,
          Map.of(
              "findoc.webhooks.initial-backoff", "300ms",
              "findoc.webhooks.max-backoff", "1s",
              "findoc.webhooks.timeout", "2s",
              "findoc.webhooks.per-endpoint-in-flight", "4",
              "findoc.events.progress-interval", "0s",
              "findoc.events.progress-step-percent", "25"));

  private static Api api;

  @BeforeAll
  static void start() {
    api = stack.api();
  }

  /** Submits a job of {@code tasks} simulated tasks with one webhook; returns id and secret. */
  private static String[] submitWithWebhook(String path, int tasks, List<String> events) {
    // Tasks long enough for their STARTED reports to be applied before their results (a job whose
    // tasks all finish within one status batch goes from QUEUED straight to its result).
    Submission job = aSubmission().processor("simulate").tasks(tasks).option("sleepMs", 1000);
    Map<String, Object> webhook = new LinkedHashMap<>();
    webhook.put("url", receiver.url(path));
    if (events != null) {
      webhook.put("events", events);
    }
    Api.Response response =
        api.post("/api/batch/jobs", job.with("webhooks", List.of(webhook)).json());
    assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    JsonNode created = response.body().get("webhooks").get(0);
    String secret = created.get("secret").asString();
    assertThat(secret).startsWith("whsec_");
    receiver.secrets(path, secret);
    return new String[] {response.body().get("id").asString(), secret};
  }

  @Test
  void aJobsWholeLifeArrivesSignedAtItsWebhookAndInOrderOnTheEventsTopic() {
    String path = "/life";
    String job =
        submitWithWebhook(
            path,
            8,
            List.of(
                "batch.job.created",
                "batch.job.started",
                "batch.job.progress",
                "batch.job.completed",
                "batch.job.failed",
                "batch.task.started",
                "batch.task.completed",
                "batch.task.failed"))[0];
    Awaits.jobReaches(api, job, Duration.ofSeconds(60), "COMPLETED");

    List<String> idsInOutbox = eventIds(job);
    // Deliveries run in parallel (and may be retried): they arrive in any order; wait for all.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                receiver.received(path).stream()
                    .map(WebhookReceiver.Received::webhookId)
                    .collect(Collectors.toSet())
                    .containsAll(idsInOutbox));
    List<WebhookReceiver.Received> got = receiver.received(path);
    assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
    List<String> types = got.stream().map(WebhookReceiver.Received::type).toList();
    assertThat(types).contains("batch.job.created", "batch.job.started", "batch.job.completed");
    // Workers report STARTED only for attempts still running after 200 ms, and a report may be
    // folded into its result within one status batch: at least one start is seen, not all eight.
    assertThat(types).contains("batch.task.started");
    assertThat(types.stream().filter("batch.task.completed"::equals)).hasSize(8);
    assertThat(types.stream().filter("batch.job.completed"::equals)).hasSize(1);
    JsonNode completed =
        got.stream().filter(r -> r.type().equals("batch.job.completed")).findFirst().get().data();
    assertThat(completed.get("jobId").asString()).isEqualTo(job);
    assertThat(completed.get("state").asString()).isEqualTo("COMPLETED");
    assertThat(completed.get("counts").get("succeeded").asInt()).isEqualTo(8);

    // The topic: every event of the job, each id once, in the order the job went through them.
    List<ConsumerRecord<String, byte[]>> records =
        TopicRecords.keyed(stack.property("findoc.topics.job-events"), job, idsInOutbox.size());
    List<String> idsOnTopic = records.stream().map(r -> header(r, "ce_id")).distinct().toList();
    assertThat(idsOnTopic).isEqualTo(idsInOutbox);
    List<String> topicTypes = records.stream().map(r -> header(r, "ce_type")).toList();
    assertThat(topicTypes.get(0)).isEqualTo("batch.job.created");
    assertThat(topicTypes.get(topicTypes.size() - 1)).isEqualTo("batch.job.completed");
    assertThat(topicTypes.indexOf("batch.job.started"))
        .isLessThan(topicTypes.indexOf("batch.task.completed"));
    assertThat(header(records.get(0), "ce_specversion")).isEqualTo("1.0");
    assertThat(header(records.get(0), "ce_subject")).isEqualTo(job);
    assertThat(header(records.get(0), "content-type")).isEqualTo("application/json");
    // The webhook ids are the CloudEvent ids.
    assertThat(got.stream().map(WebhookReceiver.Received::webhookId).collect(Collectors.toSet()))
        .isEqualTo(new LinkedHashSet<>(idsInOutbox));
  }

  @Test
  void aFailingEndpointIsRetriedWithTheSameIdUntilItAnswers() {
    String path = "/flaky";
    receiver.behave(path, (id, n) -> n <= 2 ? Answer.status(500) : Answer.ok());
    String job = submitWithWebhook(path, 1, List.of("batch.job.created"))[0];

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receiver.received(path).stream().anyMatch(r -> r.answered() == 200));
    List<WebhookReceiver.Received> got = receiver.received(path);
    assertThat(got).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
    assertThat(got.stream().map(WebhookReceiver.Received::webhookId).distinct()).hasSize(1);
    assertThat(got.get(2).data().get("jobId").asString()).isEqualTo(job);

    JsonNode delivery = deliveriesOf(endpointFor(path)).get(0);
    assertThat(delivery.get("state").asString()).isEqualTo("SUCCEEDED");
    assertThat(delivery.get("attempt").asInt()).isEqualTo(3);
    assertThat(delivery.get("responseStatus").asInt()).isEqualTo(200);
    assertThat(delivery.get("latencyMs").isNumber()).isTrue();
  }

  @Test
  void anEndpointThatAnswers410IsDisabled() {
    String path = "/gone";
    receiver.behave(path, (id, n) -> Answer.status(410));
    submitWithWebhook(path, 1, List.of("batch.job.created"));
    String endpoint = endpointFor(path);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !api.get("/api/webhooks/" + endpoint).body().get("enabled").asBoolean());
    JsonNode view = api.get("/api/webhooks/" + endpoint).body();
    assertThat(view.get("disabledReason").asString()).contains("410");
    assertThat(deliveriesOf(endpoint).get(0).get("state").asString()).isEqualTo("FAILED");
    assertThat(receiver.received(path)).hasSize(1);
  }

  @Test
  void anEventOutlivesItsRetentionWhileADeliveryWaitsToSendIt() {
    String path = "/down-for-long";
    receiver.behave(path, (id, n) -> Answer.status(503));
    String[] job = waitingDelivery(path);
    String endpoint = job[1];

    // The job's events relayed a month ago: past the retention of seven days.
    stack
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE job_event SET relayed_at = now() - interval '30 days'"
                        + " WHERE job_id = CAST(? AS uuid)",
                    job[0]));
    cleanUpEvents();

    assertThat(eventTypesOf(job[0]))
        .as("the completion waits for its delivery, the rest is gone")
        .containsExactly("batch.job.completed");
    assertThat(deliveriesOf(endpoint).get(0).get("state").asString()).isEqualTo("PENDING");

    api.patch("/api/webhooks/" + endpoint, "{\"enabled\": false}");
    cleanUpEvents();
    assertThat(eventTypesOf(job[0])).isEmpty();
  }

  @Test
  void disablingAnEndpointEndsItsWaitingDeliveriesFailedWithTheReason() {
    String path = "/disabled-by-hand";
    receiver.behave(path, (id, n) -> Answer.status(503));
    String endpoint = waitingDelivery(path)[1];

    Api.Response patched = api.patch("/api/webhooks/" + endpoint, "{\"enabled\": false}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().get("disabledReason").asString()).isEqualTo("disabled by its owner");
    JsonNode delivery = deliveriesOf(endpoint).get(0);
    assertThat(delivery.get("state").asString()).isEqualTo("FAILED");
    assertThat(delivery.get("lastError").asString())
        .startsWith("endpoint disabled: disabled by its owner; last error: ")
        .contains("503");
    Api.Response redone =
        api.post(
            "/api/webhooks/"
                + endpoint
                + "/deliveries/"
                + delivery.get("id").asString()
                + "/redeliver",
            "");
    assertThat(redone.status()).isEqualTo(409);
    assertThat(redone.body().get("type").asString()).endsWith("webhook-disabled");
    assertThat(redone.body().get("detail").asString()).contains("is disabled");
    assertThat(deliveriesOf(endpoint).get(0).get("state").asString()).isEqualTo("FAILED");
  }

  /**
   * A job whose completion event has a delivery to {@code path} that failed once and waits for its
   * retry; returns the job's id and the endpoint's.
   */
  private static String[] waitingDelivery(String path) {
    String job = api.submit(aSubmission().processor("simulate").option("sleepMs", 1500).json());
    Api.Response created =
        api.post(
            "/api/webhooks",
            Api.json(
                Map.of(
                    "url",
                    receiver.url(path),
                    "eventTypes",
                    List.of("batch.job.completed"),
                    "jobId",
                    job)));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    String endpoint = created.body().get("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                deliveriesOf(endpoint).size() == 1
                    && deliveriesOf(endpoint).get(0).get("attempt").asInt() >= 1
                    && !deliveriesOf(endpoint).get(0).get("lastError").isNull());
    return new String[] {job, endpoint};
  }

  private static void cleanUpEvents() {
    stack
        .jdbi()
        .withExtension(
            io.findoc.batch.coordinator.store.EventStore.class,
            events -> events.deleteRelayedBefore("7 days", 1000));
  }

  private static List<String> eventTypesOf(String job) {
    return stack
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT type FROM job_event WHERE job_id = CAST(:job AS uuid) ORDER BY seq")
                    .bind("job", job)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void retryAfterOfA429IsHonoured() {
    String path = "/busy";
    receiver.behave(
        path, (id, n) -> n == 1 ? new Answer(429, Map.of("Retry-After", "3"), 0) : Answer.ok());
    submitWithWebhook(path, 1, List.of("batch.job.created"));

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 2);
    List<WebhookReceiver.Received> got = receiver.received(path);
    // Without Retry-After the backoff would be under a second.
    assertThat(Duration.between(got.get(0).receivedAt(), got.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    assertThat(got.get(1).webhookId()).isEqualTo(got.get(0).webhookId());
  }

  @Test
  void aRedirectIsNotFollowed() {
    String path = "/moved";
    String target = "/moved-target";
    receiver.behave(path, (id, n) -> new Answer(302, Map.of("Location", receiver.url(target)), 0));
    submitWithWebhook(path, 1, List.of("batch.job.created"));

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() >= 2);
    assertThat(receiver.received(target)).isEmpty();
    JsonNode delivery = deliveriesOf(endpointFor(path)).get(0);
    assertThat(delivery.get("state").asString()).isEqualTo("PENDING");
    assertThat(delivery.get("responseStatus").asInt()).isEqualTo(302);
    assertThat(delivery.get("lastError").asString()).contains("redirect");
    assertThat(delivery.get("nextAttemptAt").isNull()).isFalse();
  }

  @Test
  void aSlowEndpointDoesNotDelayAnother() {
    String slow = "/slow";
    String fast = "/fast";
    receiver.behave(slow, (id, n) -> new Answer(200, Map.of(), 1900));
    String slowEndpoint = createEndpoint(slow, List.of("batch.job.created"));
    createEndpoint(fast, List.of("batch.job.created"));
    for (int i = 0; i < 10; i++) {
      api.submit(aSubmission().json());
    }
    // The slow one takes at most 4 at a time, 1.9 s each: its 10 need three rounds, 5.7 s; the
    // fast one gets its 10 as they come.
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received(fast).size() >= 10);
    assertThat(
            receiver.received(slow).stream()
                .map(WebhookReceiver.Received::webhookId)
                .distinct()
                .count())
        .isLessThan(10);
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(slow).size() >= 10);
    api.delete("/api/webhooks/" + slowEndpoint);
  }

  @Test
  void endpointsAreCreatedListedChangedRotatedAndDeletedByTheirTenantOnly() {
    String path = "/crud";
    Api.Response created =
        api.post(
            "/api/webhooks",
            Api.json(Map.of("url", receiver.url(path), "eventTypes", List.of("batch.job.failed"))));
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().get("id").asString();
    String first = created.body().get("secret").asString();
    assertThat(api.get("/api/webhooks/" + id).body().has("secret")).isFalse();
    assertThat(api.get("/api/webhooks").body().toString()).contains(id);

    Api other = api.withKey(stack.createKey("other-tenant", "operator"));
    assertThat(other.get("/api/webhooks/" + id).status()).isEqualTo(404);
    assertThat(other.patch("/api/webhooks/" + id, "{\"enabled\":false}").status()).isEqualTo(404);
    assertThat(other.delete("/api/webhooks/" + id).status()).isEqualTo(404);
    assertThat(other.post("/api/webhooks/" + id + "/rotate-secret", "{}").status()).isEqualTo(404);
    assertThat(other.get("/api/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
    assertThat(other.get("/api/webhooks").body().toString()).doesNotContain(id);

    Api.Response changed =
        api.patch("/api/webhooks/" + id, "{\"eventTypes\":[\"batch.job.created\"]}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().get("eventTypes").get(0).asString()).isEqualTo("batch.job.created");

    Api.Response rotated =
        api.post("/api/webhooks/" + id + "/rotate-secret", "{\"overlapSeconds\":600}");
    assertThat(rotated.status()).isEqualTo(200);
    String second = rotated.body().get("secret").asString();
    assertThat(second).isNotEqualTo(first).startsWith("whsec_");
    assertThat(rotated.body().get("previousSecretExpiresAt").isNull()).isFalse();

    // During the overlap both secrets sign: a receiver that knows only the old one still verifies.
    receiver.secrets(path, first);
    api.submit(aSubmission().json());
    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received(path).isEmpty());
    WebhookReceiver.Received got = receiver.received(path).get(0);
    assertThat(got.signatureValid()).isTrue();
    assertThat(got.signature().split(" ")).hasSize(2);

    assertThat(api.delete("/api/webhooks/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/webhooks/" + id).status()).isEqualTo(404);
  }

  @Test
  void aDeliveryCanBeSentAgainByHandWithTheSameId() {
    String path = "/again";
    String endpoint = createEndpoint(path, List.of("batch.job.created"));
    api.submit(aSubmission().json());
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 1);
    String delivery = deliveriesOf(endpoint).get(0).get("id").asString();

    Api.Response redone =
        api.post("/api/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver", "");
    assertThat(redone.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 2);
    assertThat(receiver.received(path).get(1).webhookId())
        .isEqualTo(receiver.received(path).get(0).webhookId());
    Api other = api.withKey(stack.createKey("other-tenant", "operator"));
    assertThat(
            other
                .post("/api/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver", "")
                .status())
        .isEqualTo(404);
    api.delete("/api/webhooks/" + endpoint);
  }

  @Test
  void badWebhooksAreRefusedNamingTheFieldAndStoreNothing() {
    Submission job = aSubmission();
    Api.Response badUrl =
        api.post(
            "/api/batch/jobs",
            job.with("webhooks", List.of(Map.of("url", "http://10.0.0.1/hook"))).json());
    assertThat(badUrl.status()).isEqualTo(400);
    assertThat(badUrl.body().get("errors").get(0).get("field").asString())
        .isEqualTo("webhooks[0].url");

    Api.Response metadata =
        api.post(
            "/api/batch/jobs",
            job.with("webhooks", List.of(Map.of("url", "http://169.254.169.254/latest"))).json());
    assertThat(metadata.status()).isEqualTo(400);

    Api.Response badType =
        api.post(
            "/api/batch/jobs",
            job.with(
                    "webhooks",
                    List.of(Map.of("url", receiver.url("/x"), "events", List.of("batch.job.done"))))
                .json());
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.body().get("errors").get(0).get("field").asString())
        .isEqualTo("webhooks[0].events[0]");

    Api.Response notAList = api.post("/api/batch/jobs", job.with("webhooks", "http://x").json());
    assertThat(notAList.status()).isEqualTo(400);
    assertThat(notAList.body().get("errors").get(0).get("field").asString()).startsWith("webhooks");

    Api.Response badEndpoint =
        api.post(
            "/api/webhooks",
            Api.json(
                Map.of("url", "ftp://example.com/", "eventTypes", List.of("batch.job.failed"))));
    assertThat(badEndpoint.status()).isEqualTo(400);
    assertThat(badEndpoint.body().get("type").asString())
        .isEqualTo("urn:findoc:problem:invalid-webhook");
    assertThat(badEndpoint.body().get("errors").get(0).get("field").asString()).isEqualTo("url");
    Api.Response noTypes =
        api.post(
            "/api/webhooks", Api.json(Map.of("url", receiver.url("/y"), "eventTypes", List.of())));
    assertThat(noTypes.body().get("type").asString())
        .isEqualTo("urn:findoc:problem:invalid-webhook");
    assertThat(noTypes.body().get("errors").get(0).get("field").asString()).isEqualTo("eventTypes");
    assertThat(api.get("/api/webhooks?limit=1000").body().toString())
        .doesNotContain("ftp://example.com/")
        .doesNotContain(receiver.url("/y"));

    String endpoint = createEndpoint("/z", List.of("batch.job.failed"));
    Api.Response badChange =
        api.patch(
            "/api/webhooks/" + endpoint,
            "{\"eventTypes\":[\"batch.job.failed\",\"batch.job.done\"]}");
    assertThat(badChange.status()).isEqualTo(400);
    assertThat(badChange.body().get("type").asString())
        .isEqualTo("urn:findoc:problem:invalid-webhook");
    assertThat(badChange.body().get("errors").get(0).get("field").asString())
        .isEqualTo("eventTypes[1]");
    Api.Response otherJob =
        api.patch(
            "/api/webhooks/" + endpoint, "{\"jobId\":\"0b7c1a52-3f0e-4c55-9d7e-0f7d4c0a9c11\"}");
    assertThat(otherJob.status()).isEqualTo(400);
    assertThat(otherJob.body().get("errors").get(0).get("field").asString()).isEqualTo("jobId");
    Api.Response badOverlap =
        api.post("/api/webhooks/" + endpoint + "/rotate-secret", "{\"overlapSeconds\":-1}");
    assertThat(badOverlap.status()).isEqualTo(400);
    assertThat(badOverlap.body().get("type").asString())
        .isEqualTo("urn:findoc:problem:invalid-webhook");
    assertThat(badOverlap.body().get("errors").get(0).get("field").asString())
        .isEqualTo("overlapSeconds");
    JsonNode unchanged = api.get("/api/webhooks/" + endpoint).body();
    assertThat(unchanged.get("eventTypes").toString()).isEqualTo("[\"batch.job.failed\"]");
    assertThat(unchanged.has("jobId")).isFalse();
    api.delete("/api/webhooks/" + endpoint);
  }

  @Test
  void aJobFilterIsSetByPatchKeptWhenAbsentAndClearedByNull() {
    String job = api.submit(aSubmission().json());
    String endpoint = createEndpoint("/filtered", List.of("batch.job.failed"));

    Api.Response set = api.patch("/api/webhooks/" + endpoint, "{\"jobId\":\"" + job + "\"}");
    assertThat(set.status()).as("%s", set.body()).isEqualTo(200);
    assertThat(set.body().get("jobId").asString()).isEqualTo(job);

    Api.Response kept = api.patch("/api/webhooks/" + endpoint, "{\"enabled\":true}");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.body().get("jobId").asString()).isEqualTo(job);

    Api.Response cleared = api.patch("/api/webhooks/" + endpoint, "{\"jobId\":null}");
    assertThat(cleared.status()).as("%s", cleared.body()).isEqualTo(200);
    assertThat(cleared.body().has("jobId")).as("%s", cleared.body()).isFalse();
    assertThat(api.get("/api/webhooks/" + endpoint).body().has("jobId")).isFalse();
    api.delete("/api/webhooks/" + endpoint);
  }

  @Test
  void tasksOfJobsWithoutTaskSubscribersWriteNoTaskEvents() {
    String job = api.submit(aSubmission().tasks(50).json());
    Awaits.jobReaches(api, job, Duration.ofSeconds(60), "COMPLETED");
    List<String> types =
        stack
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT type FROM job_event WHERE job_id = CAST(:j AS uuid) ORDER BY seq")
                        .bind("j", job)
                        .mapTo(String.class)
                        .list());
    assertThat(types).noneMatch(t -> t.startsWith("batch.task."));
    assertThat(types.get(0)).isEqualTo("batch.job.created");
    assertThat(types.get(types.size() - 1)).isEqualTo("batch.job.completed");
  }

  @Test
  void aCancelledJobEmitsOneFailedEventWithItsReason() {
    String path = "/cancelled";
    String job = submitWithWebhook(path, 3, List.of("batch.job.failed"))[0];
    api.delete("/api/batch/jobs/" + job + "?reason=wrong%20batch");
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 1);
    JsonNode data = receiver.received(path).get(0).data();
    assertThat(data.get("state").asString()).isEqualTo("CANCELLED");
    assertThat(data.get("reason").asString()).contains("wrong batch");
  }

  private static List<String> eventIds(String job) {
    return stack
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT CAST(id AS text) FROM job_event WHERE job_id = CAST(:j AS uuid)"
                            + " ORDER BY seq")
                    .bind("j", job)
                    .mapTo(String.class)
                    .list());
  }

  private static String createEndpoint(String path, List<String> types) {
    Api.Response created =
        api.post("/api/webhooks", Api.json(Map.of("url", receiver.url(path), "eventTypes", types)));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    receiver.secrets(path, created.body().get("secret").asString());
    return created.body().get("id").asString();
  }

  private static String endpointFor(String path) {
    for (JsonNode endpoint : api.get("/api/webhooks?limit=1000").body()) {
      if (endpoint.get("url").asString().equals(receiver.url(path))) {
        return endpoint.get("id").asString();
      }
    }
    throw new AssertionError("no endpoint for " + path);
  }

  private static JsonNode deliveriesOf(String endpoint) {
    Api.Response response = api.get("/api/webhooks/" + endpoint + "/deliveries");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
