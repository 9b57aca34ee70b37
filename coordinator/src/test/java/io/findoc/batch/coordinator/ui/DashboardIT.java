package io.findoc.batch.coordinator.ui;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.common.message.WorkerControlMessage;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Reports;
import io.findoc.batch.coordinator.testing.RunningStack;
import io.findoc.batch.coordinator.testing.TopicRecords;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard against a real coordinator (embedded PostgreSQL and the shared test broker):
 * sign-in, session cookie, CSRF, the security headers, every page and fragment, the writes and
 * their audit entries, and every write refused without a token, as a viewer and in read-only mode.
 */
class DashboardIT {

  private static RunningStack stack;
  private static RunningStack readOnlyStack;
  private static Browser operator;
  private static Browser viewer;
  private static Browser admin;
  private static Browser other;
  private static String viewerKey;

  @BeforeAll
  static void start() {
    stack =
        RunningStack.coordinatorOnly(
            Map.of(
                "findoc.security.requests-per-second", 1000,
                "findoc.security.burst", 1000,
                "findoc.ui.confirm-above", 2,
                "findoc.ui.page-size", 3,
                "findoc.ui.tasks-searched-per-page", 4,
                "findoc.webhooks.allow-loopback", true,
                "findoc.webhooks.initial-backoff", "1h"));
    readOnlyStack = RunningStack.coordinatorOnly(Map.of("findoc.ui.read-only", true));
    operator = signedIn(stack, stack.api().key());
    viewerKey = stack.createKey(RunningStack.TENANT, "viewer");
    viewer = signedIn(stack, viewerKey);
    admin = signedIn(stack, stack.admin().key());
    other = signedIn(stack, stack.createKey("globex", "operator"));
  }

  @AfterAll
  static void stop() {
    if (readOnlyStack != null) {
      readOnlyStack.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static Browser signedIn(RunningStack on, String key) {
    Browser browser = new Browser(on.api().base());
    assertThat(browser.signIn(key).statusCode()).isEqualTo(303);
    return browser;
  }

  @Test
  void signingInSetsAnHttpOnlySameSiteCookieAndEveryAnswerAStrictPolicy() {
    Browser browser = new Browser(stack.api().base());
    HttpResponse<String> form = browser.get("/ui/login");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<label for=\"key\">API key</label>");
    String policy = form.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'");
    assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(form.body()).doesNotContain("<script>").doesNotContain(" style=");

    HttpResponse<String> signedIn = browser.signIn(stack.api().key());
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).hasValue("./");
    String setCookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(UiGate.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    assertThat(setCookie).doesNotContain(stack.api().key());
    assertThat(browser.get("/ui/").body()).contains("<h1>Overview</h1>");

    HttpResponse<String> signedOut = browser.submit("/ui/logout", Map.of());
    assertThat(signedOut.statusCode()).isEqualTo(303);
    assertThat(browser.get("/ui/jobs").statusCode()).isEqualTo(303);
  }

  @Test
  void withoutASessionPagesSendToSignInAndAWrongKeyIsRefused() {
    Browser stranger = new Browser(stack.api().base());
    HttpResponse<String> page = stranger.get("/ui/jobs");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("./login");
    HttpResponse<String> deep = stranger.get("/ui/jobs/" + UUID.randomUUID());
    assertThat(deep.headers().firstValue("Location")).hasValue("../login");
    HttpResponse<String> fragment = stranger.htmx("/ui/jobs");
    assertThat(fragment.statusCode()).isEqualTo(401);
    assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("./login");
    assertThat(stranger.get("/ui").headers().firstValue("Location")).hasValue("ui/");

    assertThat(stranger.signIn("fdk_nope.wrong").statusCode()).isEqualTo(401);
    assertThat(stranger.cookie(UiGate.COOKIE)).isNull();
  }

  @Test
  void aSignInFormFromElsewhereIsRefused() {
    Browser forger = new Browser(stack.api().base());
    HttpResponse<String> answer =
        forger.submitWithoutToken(
            "/ui/login", Map.of("key", stack.api().key(), "loginToken", "guessed"));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(forger.cookie(UiGate.COOKIE)).isNull();
  }

  @Test
  void everyPageAndFragmentRenders() {
    String job = stack.api().submit(aSubmission().tasks(5).name("pages job").json());
    awaitQueued(job, 5);
    Map<String, String> pages =
        Map.ofEntries(
            Map.entry("/ui/", "<h1>Overview</h1>"),
            Map.entry("/ui/jobs", "pages job"),
            Map.entry("/ui/jobs?state=QUEUED&name=pages", "pages job"),
            Map.entry("/ui/jobs/" + job, "Failures by group"),
            Map.entry("/ui/jobs/" + job + "/tasks/1", "Task 1: doc-1"),
            Map.entry("/ui/workers", "<h1>Workers</h1>"),
            Map.entry("/ui/webhooks", "<h1>Webhook endpoints</h1>"),
            Map.entry("/ui/audit", "<h1>Audit trail</h1>"),
            Map.entry("/ui/dead-letters", "<h1>Dead letters</h1>"),
            Map.entry("/ui/submit", "id=\"submit-form\""));
    pages.forEach(
        (path, expected) -> {
          HttpResponse<String> page = operator.get(path);
          assertThat(page.statusCode()).as(path).isEqualTo(200);
          assertThat(page.body()).as(path).contains(expected);
          assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
          assertThat(page.body()).as(path).doesNotContain("<script>").doesNotContain(" style=\"");
        });
    Map<String, String> fragments =
        Map.of(
            "/ui/",
            "id=\"figures\"",
            "/ui/jobs?name=pages",
            "id=\"results\"",
            "/ui/jobs/" + job + "/tasks?state=QUEUED",
            "doc-3",
            "/ui/jobs/" + job + "/head",
            "id=\"job-head\"",
            "/ui/workers",
            "id=\"workers\"",
            "/ui/jobs/bulk?action=pause&name=pages",
            "Pause 1 job(s)?",
            "/ui/dead-letters/redeliver-all?errorCode=NONE_SUCH",
            "Redeliver 0 dead letter(s)?");
    fragments.forEach(
        (path, expected) -> {
          HttpResponse<String> fragment = operator.htmx(path);
          assertThat(fragment.statusCode()).as(path).isEqualTo(200);
          assertThat(fragment.body()).as(path).contains(expected).doesNotContain("<html");
        });
    assertThat(operator.get("/ui/webjars/htmx.org/2.0.4/dist/htmx.min.js").statusCode())
        .isEqualTo(200);
    assertThat(operator.get("/ui/assets/dashboard.js").statusCode()).isEqualTo(200);
    assertThat(operator.get("/ui/assets/dashboard.css").statusCode()).isEqualTo(200);
    assertThat(operator.get("/ui/jobs/" + job + "/results").statusCode()).isEqualTo(200);
    assertThat(operator.get("/ui/jobs/" + job + "/failures.csv").body())
        .startsWith("task,document_id,");
  }

  /**
   * The job's heading is fetched from {@code jobs/<id>/head} into the page {@code jobs/<id>}: its
   * forms must post to the page's {@code ../jobs/<id>/pause}, not to the {@code ../../} of the
   * fragment's own address (which, resolved against the page, left the dashboard's prefix: the
   * browser's Pause went to a 404).
   */
  @Test
  void aFragmentLinksRelativeToThePageItIsShownIn() {
    String job = stack.api().submit(aSubmission().json());
    awaitQueued(job, 1);
    String head = operator.htmxFrom("../", "/ui/jobs/" + job + "/head").body();
    assertThat(head).contains("hx-post=\"../jobs/" + job + "/pause\"");
    String unsent = operator.htmx("/ui/jobs/" + job + "/head").body();
    assertThat(unsent).contains("hx-post=\"../../jobs/" + job + "/pause\"");
    String forged = operator.htmxFrom("https://elsewhere/", "/ui/jobs/" + job + "/head").body();
    assertThat(forged).doesNotContain("elsewhere").contains("../../jobs/" + job + "/pause");
    assertThat(operator.get("/ui/jobs/" + job).body())
        .contains("<meta name=\"findoc-root\" content=\"../\">");
  }

  @Test
  void theJobsTablePagesByKeysetAndTheTaskTableToo() {
    for (int i = 0; i < 4; i++) {
      stack.api().submit(aSubmission().name("paged-" + i).json());
    }
    String first = operator.get("/ui/jobs?name=paged-").body();
    assertThat(first).contains("paged-3", "paged-2", "paged-1").doesNotContain("paged-0");
    String cursor = first.replaceAll("(?s).*cursor=([A-Za-z0-9_-]+).*", "$1");
    String more = operator.htmx("/ui/jobs?name=paged-&cursor=" + cursor).body();
    assertThat(more).contains("paged-0").doesNotContain("paged-3").doesNotContain("<table");

    String job = stack.api().submit(aSubmission().tasks(5).json());
    String tasks = operator.get("/ui/jobs/" + job).body();
    assertThat(tasks).contains("doc-3").doesNotContain(">doc-4<").contains("after=3");
    String next = operator.htmx("/ui/jobs/" + job + "/tasks?after=3").body();
    assertThat(next).contains("doc-4", "doc-5").doesNotContain(">doc-3<");
  }

  @Test
  void theTaskTableFiltersByErrorCodeWorkerAndAttemptAndPagesOnWithTheFilter() {
    String job = stack.api().submit(aSubmission().tasks(9).json());
    awaitQueued(job, 9);
    try (Reports reports = new Reports(stack.property("findoc.topics.task-status"))) {
      for (int number : new int[] {1, 2, 4, 5}) {
        reports.send(
            Reports.report(
                StatusKind.FAILED, job, number, 1, new TaskError("BAD_DOC", "bad", false)));
      }
      reports.send(
          Reports.report(StatusKind.FAILED, job, 3, 1, new TaskError("ODD_DOC", "odd", false)));
      reports.send(Reports.report(StatusKind.SUCCEEDED, job, 9, 1, null));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("failed").asInt() == 5);
    String tasks = "/ui/jobs/" + job + "/tasks";

    String bad = operator.htmx(tasks + "?errorCode=BAD_DOC").body();
    assertThat(bad).contains(">doc-1<", ">doc-2<", ">doc-4<").doesNotContain(">doc-3<");
    assertThat(bad).contains("after=4&amp;errorCode=BAD_DOC");
    assertThat(operator.htmx(tasks + "?after=4&errorCode=BAD_DOC").body())
        .contains(">doc-5<")
        .doesNotContain(">doc-4<");
    assertThat(operator.htmx(tasks + "?state=FAILED&errorCode=ODD_DOC").body())
        .contains(">doc-3<")
        .doesNotContain(">doc-1<");

    // Searching past task 5 for the succeeded one: each page reads at most 4 task numbers.
    String worker = operator.htmx(tasks + "?worker=test-worker&state=SUCCEEDED").body();
    assertThat(worker)
        .doesNotContain(">doc-9<")
        .contains("Searched tasks up to #4 of 9.")
        .contains("after=4&amp;state=SUCCEEDED&amp;worker=test-worker");
    assertThat(operator.htmx(tasks + "?after=4&state=SUCCEEDED&worker=test-worker").body())
        .contains("Searched tasks up to #8 of 9.");
    String last = operator.htmx(tasks + "?after=8&state=SUCCEEDED&worker=test-worker").body();
    assertThat(last).contains(">doc-9<").doesNotContain("More tasks");
    assertThat(operator.htmx(tasks + "?worker=nobody").body()).doesNotContain(">doc-");
    assertThat(operator.htmx(tasks + "?attempt=2").body()).doesNotContain(">doc-");

    HttpResponse<String> wrongCode = operator.htmx(tasks + "?errorCode=not%20a%20code");
    assertThat(wrongCode.statusCode()).isEqualTo(400);
    assertThat(wrongCode.body()).contains("errorCode");
    assertThat(operator.htmx(tasks + "?attempt=0").statusCode()).isEqualTo(400);
  }

  @Test
  void theJobsPageFiltersByAMetadataEntryAndItsBulkPreviewToo() {
    String batch = "b-" + UUID.randomUUID().toString().substring(0, 8);
    stack
        .api()
        .submit(
            aSubmission()
                .name("tagged " + batch)
                .with("metadata", Map.of("batch", batch, "desk", "fx"))
                .json());
    stack.api().submit(aSubmission().name("untagged " + batch).json());

    String page = operator.get("/ui/jobs?name=" + batch + "&metadata=batch%3D" + batch).body();
    assertThat(page).contains("tagged " + batch).doesNotContain("untagged " + batch);
    assertThat(operator.get("/ui/jobs?name=" + batch + "&metadata=desk%3Drates").body())
        .doesNotContain("tagged " + batch);
    assertThat(operator.htmx("/ui/jobs/bulk?action=pause&metadata=batch%3D" + batch).body())
        .contains("Pause 1 job(s)?");
    HttpResponse<String> wrong = operator.get("/ui/jobs?metadata=nokey");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("metadata");
  }

  @Test
  void aWebhookDeliveryIsSentAgainFromItsLogAndTheJobPageListsTheEvents() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, Object> webhook = Map.of("url", "http://127.0.0.1:" + closed + "/hook");
    Api.Response submitted =
        stack
            .api()
            .post("/api/batch/jobs", aSubmission().with("webhooks", List.of(webhook)).json());
    assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
    String endpoint = submitted.body().get("webhooks").get(0).get("id").asString();
    String deliveries = "/api/webhooks/" + endpoint + "/deliveries";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().get(deliveries).body().path(0).path("attempt").asInt() >= 1);
    JsonNode failed = stack.api().get(deliveries).body().get(0);
    String delivery = failed.get("id").asString();
    int attempts = failed.get("attempt").asInt();

    String page = operator.get("/ui/webhooks?endpoint=" + endpoint).body();
    String redeliver = "webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver";
    assertThat(page).contains("hx-post=\"./" + redeliver + "\"").contains(">Redeliver<");
    assertThat(viewer.get("/ui/webhooks?endpoint=" + endpoint).body())
        .doesNotContain(">Redeliver<");

    HttpResponse<String> sent = operator.submit("/ui/" + redeliver, Map.of());
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Delivery " + delivery + " is sent again now.");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (JsonNode row : stack.api().get(deliveries).body()) {
                if (row.get("id").asString().equals(delivery)) {
                  return row.get("attempt").asInt() > attempts;
                }
              }
              return false;
            });
    assertThat(operator.get("/ui/audit").body())
        .contains("UI redeliver", "webhook " + endpoint + " delivery " + delivery + " (count 1)");

    String job = submitted.body().get("id").asString();
    assertThat(operator.get("/ui/jobs/" + job).body())
        .as("the job's page lists its events, newest first")
        .contains("<h2 id=\"events-title\">Events</h2>")
        .contains(">batch.job.created<");

    HttpResponse<String> unknown =
        operator.submit(
            "/ui/webhooks/" + endpoint + "/deliveries/" + UUID.randomUUID() + "/redeliver",
            Map.of());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(other.submit("/ui/" + redeliver, Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void deadLettersAreListedByJobAndErrorCodeAndRedeliveredFromThePage() {
    String job = stack.api().submit(aSubmission().tasks(3).name("dead").json());
    awaitQueued(job, 3);
    try (Reports reports = new Reports(stack.property("findoc.topics.task-status"))) {
      reports.send(
          Reports.report(
              StatusKind.FAILED, job, 1, 1, new TaskError("BAD_DOC", "doc 1 is bad", false)));
      reports.send(
          Reports.report(
              StatusKind.FAILED, job, 2, 1, new TaskError("ODD_DOC", "doc 2 is odd", false)));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("failed").asInt() == 2);

    String all = operator.get("/ui/dead-letters?job=" + job).body();
    assertThat(all).contains(">doc-1<", ">doc-2<", "doc 1 is bad").doesNotContain(">doc-3<");
    String odd = operator.get("/ui/dead-letters?job=" + job + "&errorCode=ODD_DOC").body();
    assertThat(odd).contains(">doc-2<").doesNotContain(">doc-1<");
    assertThat(other.get("/ui/dead-letters?job=" + job).body())
        .contains("No task failed for good.")
        .doesNotContain(">doc-1<");
    assertThat(viewer.get("/ui/dead-letters?job=" + job).body())
        .contains(">doc-1<")
        .doesNotContain(">Redeliver<");
    assertThat(operator.get("/ui/dead-letters?job=nope").statusCode()).isEqualTo(400);

    HttpResponse<String> sent =
        operator.submit("/ui/dead-letters/redeliver", Map.of("job", job, "task", "1"));
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(stack.api().job(job).get("counts").get("failed").asInt()).isEqualTo(1);
    assertThat(operator.get("/ui/dead-letters?job=" + job).body())
        .doesNotContain(">doc-1<")
        .contains(">doc-2<");
    assertThat(operator.get("/ui/audit").body())
        .contains("UI redeliver dead letter", "job " + job + " task 1 (count 1)");
    assertThat(
            other
                .submit("/ui/dead-letters/redeliver", Map.of("job", job, "task", "2"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void anotherTenantsJobIsNotFoundAndTheAdminSeesEveryTenant() {
    String job = stack.api().submit(aSubmission().name("acme only").json());
    assertThat(other.get("/ui/jobs/" + job).statusCode()).isEqualTo(404);
    assertThat(other.get("/ui/jobs/" + job + "/results").statusCode()).isEqualTo(404);
    assertThat(other.get("/ui/jobs/" + job + "/tasks/1").statusCode()).isEqualTo(404);
    assertThat(other.get("/ui/jobs?name=acme").body()).doesNotContain("acme only");
    assertThat(other.submit("/ui/jobs/" + job + "/pause", Map.of()).statusCode()).isEqualTo(404);
    assertThat(admin.get("/ui/jobs?name=acme+only").body()).contains("acme only");
    assertThat(admin.get("/ui/jobs/" + job).statusCode()).isEqualTo(200);
  }

  @Test
  void theAdminDrainsAWorkerFromThePageAndTheApiAndATenantOperatorMayNot() {
    String topic = stack.property("findoc.topics.control");
    String key = WorkerControlMessage.key("worker-drained");

    HttpResponse<String> drained = admin.submit("/ui/workers/worker-drained/drain", Map.of());

    assertThat(drained.statusCode()).isEqualTo(303);
    List<ConsumerRecord<String, byte[]>> records = TopicRecords.keyed(topic, key, 1);
    assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
        .contains("\"worker\":\"worker-drained\"", "\"drain\":true");
    assertThat(admin.get("/ui/audit").body())
        .contains("UI drain", "worker worker-drained (count 1)");
    assertThat(admin.submit("/ui/workers/worker-drained/undrain", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(TopicRecords.keyed(topic, key, 2).get(1).value()).isNull();

    assertThat(operator.submit("/ui/workers/worker-drained/drain", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(operator.get("/ui/workers").body()).doesNotContain(">Drain<");
    assertThat(stack.admin().put("/api/admin/workers/worker-api/drain").status()).isEqualTo(204);
    assertThat(stack.admin().delete("/api/admin/workers/worker-api/drain").status()).isEqualTo(204);
    assertThat(TopicRecords.keyed(topic, WorkerControlMessage.key("worker-api"), 2)).hasSize(2);
    assertThat(stack.api().put("/api/admin/workers/worker-api/drain").status()).isEqualTo(403);
    Api.Response bad = stack.admin().put("/api/admin/workers/-no%20such/drain");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body().toString()).contains("worker");
  }

  @Test
  void pauseResumePriorityAndCancelChangeTheJobAndAreAudited() {
    String job = stack.api().submit(aSubmission().tasks(3).name("acted on").json());
    awaitQueued(job, 3);
    assertThat(operator.submit("/ui/jobs/" + job + "/pause", Map.of()).body()).contains("PAUSED");
    assertThat(state(job)).isEqualTo("PAUSED");
    assertThat(operator.submit("/ui/jobs/" + job + "/resume", Map.of()).statusCode())
        .isEqualTo(200);
    assertThat(state(job)).isIn("QUEUED", "RUNNING");
    operator.submit("/ui/jobs/" + job + "/priority", Map.of("priority", "high"));
    assertThat(stack.api().job(job).get("priority").asString()).isEqualTo("high");
    operator.submit("/ui/jobs/" + job + "/cancel", Map.of());
    assertThat(state(job)).isEqualTo("CANCELLED");
    HttpResponse<String> again = operator.submit("/ui/jobs/" + job + "/pause", Map.of());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("only a QUEUED or RUNNING job can be paused");

    String audit = operator.get("/ui/audit").body();
    assertThat(audit).contains("UI pause", "UI resume", "UI priority high", "UI cancel");
    assertThat(audit).contains("job " + job + " (count 1)");
    assertThat(audit)
        .contains("UI POST /ui/jobs/" + job + "/pause")
        .contains("only a QUEUED or RUNNING job can be paused (refused)");
  }

  @Test
  void allMatchingDeadLettersAreRedeliveredAfterAPreviewAndTheTypedCountAndAudited() {
    String job = stack.api().submit(aSubmission().tasks(13).name("dead-all").json());
    awaitQueued(job, 13);
    try (Reports reports = new Reports(stack.property("findoc.topics.task-status"))) {
      for (int n = 1; n <= 12; n++) {
        reports.send(
            Reports.report(
                StatusKind.FAILED,
                job,
                n,
                1,
                new TaskError("BAD_DOC", "doc " + n + " is bad", false)));
      }
      reports.send(
          Reports.report(
              StatusKind.FAILED, job, 13, 1, new TaskError("ODD_DOC", "doc 13 is odd", false)));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("failed").asInt() == 13);
    String filter = "?job=" + job + "&errorCode=BAD_DOC";
    assertThat(operator.get("/ui/dead-letters" + filter).body()).contains("Redeliver all matching");
    assertThat(viewer.get("/ui/dead-letters" + filter).body())
        .doesNotContain("Redeliver all matching");

    String preview = operator.htmx("/ui/dead-letters/redeliver-all" + filter).body();
    assertThat(preview)
        .contains("Redeliver 12 dead letter(s)?")
        .contains("of 1 job(s)")
        .contains("Type 12 to confirm");
    assertThat(other.htmx("/ui/dead-letters/redeliver-all" + filter).body())
        .contains("Redeliver 0 dead letter(s)?");
    Map<String, String> fields = Map.of("job", job, "errorCode", "BAD_DOC", "expected", "12");
    HttpResponse<String> unconfirmed = operator.submit("/ui/dead-letters/redeliver-all", fields);
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("type 12 to confirm");
    Map<String, String> mistyped = new java.util.HashMap<>(fields);
    mistyped.put("confirmation", "13");
    assertThat(operator.submit("/ui/dead-letters/redeliver-all", mistyped).statusCode())
        .isEqualTo(400);
    assertThat(stack.api().job(job).get("counts").get("failed").asInt()).isEqualTo(13);

    Map<String, String> confirmed = new java.util.HashMap<>(fields);
    confirmed.put("confirmation", "12");
    HttpResponse<String> done = operator.submit("/ui/dead-letters/redeliver-all", confirmed);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body())
        .contains("Redelivered: 12 task(s) sent again from 1 job(s), 0 job(s) skipped");
    assertThat(stack.api().job(job).get("counts").get("failed").asInt()).isEqualTo(1);
    assertThat(operator.get("/ui/dead-letters?job=" + job).body())
        .contains("doc 13 is odd")
        .doesNotContain("doc 1 is bad");
    assertThat(operator.get("/ui/audit").body())
        .contains("UI redeliver all dead letters")
        .contains("dead letters {job=" + job + ", errorCode=BAD_DOC}; skipped 0 (count 12)");

    HttpResponse<String> adminWithoutJob =
        admin.submit(
            "/ui/dead-letters/redeliver-all",
            Map.of("errorCode", "ODD_DOC", "expected", "1", "confirmation", "1"));
    assertThat(adminWithoutJob.statusCode()).isEqualTo(403);
    assertThat(stack.api().job(job).get("counts").get("failed").asInt()).isEqualTo(1);
  }

  @Test
  void aBulkActionPreviewsItsCountAsksForTheCountTypedAndIsAudited() {
    String name = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> jobs =
        List.of(
            stack.api().submit(aSubmission().name(name + "-a").json()),
            stack.api().submit(aSubmission().name(name + "-b").json()),
            stack.api().submit(aSubmission().name(name + "-c").json()));
    jobs.forEach(job -> awaitQueued(job, 1));
    String preview = operator.htmx("/ui/jobs/bulk?action=pause&name=" + name).body();
    assertThat(preview).contains("Pause 3 job(s)?").contains("Type 3 to confirm");

    HttpResponse<String> unconfirmed =
        operator.submit("/ui/jobs/bulk", Map.of("action", "pause", "name", name, "expected", "3"));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("type 3 to confirm");
    assertThat(jobs).allSatisfy(job -> assertThat(state(job)).isNotEqualTo("PAUSED"));

    HttpResponse<String> done =
        operator.submit(
            "/ui/jobs/bulk",
            Map.of("action", "pause", "name", name, "expected", "3", "confirmation", "3"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("Pause: 3 job(s) changed, 0 skipped");
    assertThat(jobs).allSatisfy(job -> assertThat(state(job)).isEqualTo("PAUSED"));
    assertThat(operator.get("/ui/audit").body())
        .contains("UI bulk pause")
        .contains("jobs {name=" + name + "}; skipped 0 (count 3)");

    HttpResponse<String> adminWithoutTenant =
        admin.submit(
            "/ui/jobs/bulk",
            Map.of("action", "resume", "name", name, "expected", "3", "confirmation", "3"));
    assertThat(adminWithoutTenant.statusCode()).isEqualTo(403);
  }

  @Test
  void aFailureGroupIsRetriedFromItsPage() {
    String job = stack.api().submit(aSubmission().tasks(2).json());
    awaitQueued(job, 2);
    try (Reports reports = new Reports(stack.property("findoc.topics.task-status"))) {
      reports.send(
          Reports.report(
              StatusKind.FAILED, job, 1, 1, new TaskError("BAD_DOC", "doc 1 is bad", false)));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("failed").asInt() == 1);
    String page = operator.get("/ui/jobs/" + job).body();
    assertThat(page).contains("BAD_DOC").contains("Retry this group");
    String group = page.replaceAll("(?s).*name=\"group\" value=\"([0-9a-f]{12})\".*", "$1");
    HttpResponse<String> retried =
        operator.submit("/ui/jobs/" + job + "/retry", Map.of("group", group));
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(retried.body()).contains("1 task(s) sent again.");
    assertThat(stack.api().job(job).get("counts").get("failed").asInt()).isZero();
    assertThat(operator.get("/ui/audit").body()).contains("UI retry group", group + " (count 1)");
  }

  @Test
  void documentsSubmittedFromTheSubmitPageBecomeAJob() {
    String body =
        "{\"name\":\"dropped\",\"processor\":\"noop\",\"documents\":[{\"id\":\"a.txt\","
            + "\"content\":\"aGVsbG8=\",\"contentType\":\"text/plain\"}]}";
    HttpResponse<String> submitted = operator.postJson("/ui/submit", body);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    assertThat(submitted.body()).contains("\"name\":\"dropped\"");
    HttpResponse<String> invalid = operator.postJson("/ui/submit", "{\"documents\":[]}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("documents");
    assertThat(operator.get("/ui/audit").body()).contains("UI submit");
  }

  @Test
  void theProgressStreamSendsTheJobAsServerSentEvents() {
    String job = stack.api().submit(aSubmission().tasks(2).json());
    Browser.Opened stream = operator.open("/ui/jobs/" + job + "/stream");
    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.contentType()).startsWith("text/event-stream");
    assertThat(stream.first()).contains("data:").contains(job);
    assertThat(viewer.open("/ui/jobs/" + job + "/stream").status()).isEqualTo(200);
    assertThat(other.open("/ui/jobs/" + job + "/stream").status()).isEqualTo(404);
    assertThat(new Browser(stack.api().base()).open("/ui/jobs/" + job + "/stream").status())
        .isEqualTo(303);
  }

  @Test
  void everyWriteIsRefusedWithoutTheCsrfToken() {
    String job = stack.api().submit(aSubmission().json());
    awaitQueued(job, 1);
    for (String path : writes(job)) {
      HttpResponse<String> answer = operator.submitWithoutToken(path, fields(path));
      assertThat(answer.statusCode()).as(path).isEqualTo(403);
      assertThat(answer.body()).as(path).contains("CSRF");
    }
    HttpResponse<String> json = new Browser(stack.api().base()).postJson("/ui/submit", "{}");
    assertThat(json.statusCode()).isEqualTo(401);
    assertThat(state(job)).isEqualTo("QUEUED");
  }

  @Test
  void everyWriteIsRefusedToAViewerWhoMayStillLook() {
    String job = stack.api().submit(aSubmission().json());
    awaitQueued(job, 1);
    assertThat(viewer.get("/ui/jobs/" + job).statusCode()).isEqualTo(200);
    assertThat(viewer.get("/ui/jobs/" + job).body()).doesNotContain(">Pause<");
    for (String path : writes(job)) {
      HttpResponse<String> answer = viewer.submit(path, fields(path));
      assertThat(answer.statusCode()).as(path).isEqualTo(403);
      assertThat(answer.body()).as(path).contains("viewer");
    }
    assertThat(viewer.postJson("/ui/submit", aSubmission().json()).statusCode()).isEqualTo(403);
    assertThat(state(job)).isEqualTo("QUEUED");
    assertThat(operator.get("/ui/audit").body()).contains("refused: a viewer may look");
    Api viewerApi = stack.api().withKey(viewerKey);
    assertThat(viewerApi.get("/api/batch/jobs/" + job).status()).isEqualTo(200);
    assertThat(viewerApi.put("/api/batch/jobs/" + job + "/pause").status()).isEqualTo(403);
    assertThat(viewerApi.post("/api/batch/jobs", aSubmission().json()).status()).isEqualTo(403);
  }

  @Test
  void everyWriteIsRefusedInReadOnlyMode() {
    String job = readOnlyStack.api().submit(aSubmission().json());
    Browser browser = signedIn(readOnlyStack, readOnlyStack.api().key());
    String page = browser.get("/ui/jobs/" + job).body();
    assertThat(page).contains("read-only").doesNotContain(">Pause<");
    for (String path : writes(job)) {
      HttpResponse<String> answer = browser.submit(path, fields(path));
      assertThat(answer.statusCode()).as(path).isEqualTo(403);
      assertThat(answer.body()).as(path).contains("read-only");
    }
    assertThat(browser.postJson("/ui/submit", aSubmission().json()).statusCode()).isEqualTo(403);
    assertThat(readOnlyStack.api().job(job).get("state").asString()).isNotIn("PAUSED", "CANCELLED");
    assertThat(browser.submit("/ui/logout", Map.of()).statusCode()).isEqualTo(303);
  }

  private static List<String> writes(String job) {
    return List.of(
        "/ui/jobs/" + job + "/pause",
        "/ui/jobs/" + job + "/resume",
        "/ui/jobs/" + job + "/cancel",
        "/ui/jobs/" + job + "/priority",
        "/ui/jobs/" + job + "/retry",
        "/ui/jobs/bulk",
        "/ui/webhooks/" + UUID.randomUUID() + "/deliveries/" + UUID.randomUUID() + "/redeliver",
        "/ui/dead-letters/redeliver",
        "/ui/dead-letters/redeliver-all",
        "/ui/workers/worker-x/drain",
        "/ui/workers/worker-x/undrain",
        "/ui/submit");
  }

  private static Map<String, String> fields(String path) {
    if (path.endsWith("/priority")) {
      return Map.of("priority", "high");
    }
    if (path.endsWith("/retry")) {
      return Map.of("group", "0123456789ab");
    }
    if (path.endsWith("/dead-letters/redeliver")) {
      return Map.of("job", UUID.randomUUID().toString(), "task", "1");
    }
    if (path.endsWith("/redeliver-all")) {
      return Map.of("job", UUID.randomUUID().toString(), "expected", "1", "confirmation", "1");
    }
    if (path.endsWith("/bulk")) {
      return Map.of("action", "cancel", "expected", "1", "confirmation", "1");
    }
    return Map.of();
  }

  private static String state(String job) {
    return stack.api().job(job).get("state").asString();
  }

  private static void awaitQueued(String job, int tasks) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("queued").asInt() == tasks);
  }
}
