package io.findoc.batch.coordinator.security;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Reports;
import io.findoc.batch.coordinator.testing.RunningStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Keys, roles, tenant isolation (INV-9), rate limits and the audit trail. */
class SecurityIT {

  private static RunningStack stack;
  private static Api acme;
  private static Api globex;
  private static Api acmeSubmitter;

  @BeforeAll
  static void start() {
    stack =
        RunningStack.coordinatorOnly(
            Map.of("findoc.security.requests-per-second", 1000, "findoc.security.burst", 1000));
    acme = stack.api();
    globex = acme.withKey(stack.createKey("globex", "operator"));
    acmeSubmitter = acme.withKey(stack.createKey(RunningStack.TENANT, "submitter"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void anotherTenantsJobIsNotFoundWhateverIsAsked() {
    String job = acme.submit(aSubmission().tasks(2).json());
    String path = "/api/batch/jobs/" + job;

    List<Api.Response> answers = new ArrayList<>();
    answers.add(globex.get(path));
    answers.add(globex.get(path + "/tasks"));
    answers.add(globex.get(path + "/tasks/1"));
    answers.add(globex.get(path + "/history"));
    answers.add(globex.put(path + "/pause"));
    answers.add(globex.put(path + "/resume"));
    answers.add(globex.patch(path, "{\"priority\":\"high\"}"));
    answers.add(globex.delete(path));

    for (Api.Response answer : answers) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.body().toString()).doesNotContain("noop x2");
    }
    assertThat(globex.get("/api/batch/jobs?limit=1000").body().get("items").toString())
        .doesNotContain(job);
    assertThat(acme.job(job).get("state").asString()).isIn("QUEUED", "RUNNING");
    assertThat(acme.job(job).get("priority").asString()).isEqualTo("normal");
  }

  /**
   * INV-9 for what acts on or reads a job's tasks: another tenant can neither retry nor read the
   * results and errors of a job, nor make its own work wait on it or listen to it with a webhook.
   */
  @Test
  void anotherTenantCanNeitherRetryNorReadNorDependOnNorWatchAJob() {
    String job = acme.submit(aSubmission().tasks(2).json());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> acme.job(job).get("counts").get("queued").asInt() == 2);
    try (Reports reports = new Reports(stack.property("findoc.topics.task-status"))) {
      reports.send(
          Reports.report(
              StatusKind.FAILED, job, 1, 1, new TaskError("SECRET_CODE", "acme's secret", false)));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> acme.job(job).get("counts").get("failed").asInt() == 1);
    String path = "/api/batch/jobs/" + job;

    List<Api.Response> answers = new ArrayList<>();
    answers.add(globex.post(path + "/retry", "{}"));
    answers.add(globex.post(path + "/retry", "{\"errorCodes\":[\"SECRET_CODE\"]}"));
    answers.add(globex.get(path + "/results"));
    answers.add(globex.get(path + "/errors"));
    answers.add(globex.get(path + "/errors?format=csv"));
    answers.add(globex.get(path + "/tasks?state=FAILED"));
    for (Api.Response answer : answers) {
      assertThat(answer.status()).as("%s", answer.body()).isEqualTo(404);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.body().toString()).doesNotContain("SECRET_CODE").doesNotContain("secret");
    }

    Api.Response dependent = globex.post("/api/batch/jobs", aSubmission().dependsOn(job).json());
    assertThat(dependent.status()).as("%s", dependent.body()).isEqualTo(400);
    assertThat(dependent.body().toString()).contains("dependsOn");
    Api.Response webhook =
        globex.post(
            "/api/webhooks",
            Api.json(
                Map.of(
                    "url",
                    "https://hooks.example.com/acme",
                    "eventTypes",
                    List.of("batch.job.completed"),
                    "jobId",
                    job)));
    assertThat(webhook.status()).as("%s", webhook.body()).isEqualTo(400);
    assertThat(webhook.body().toString()).contains("jobId");
    assertThat(globex.get("/api/webhooks?limit=1000").body().toString()).doesNotContain(job);
    assertThat(globex.get("/api/batch/jobs?limit=1000").body().toString()).doesNotContain(job);

    JsonNode task = acme.get(path + "/tasks/1").body();
    assertThat(task.get("state").asString()).isEqualTo("FAILED");
    assertThat(task.get("attempt").asInt()).isEqualTo(1);
  }

  @Test
  void aMissingWrongOrRevokedKeyAnswers401WithoutData() {
    String job = acme.submit(aSubmission().json());
    Api.Response created =
        stack
            .admin()
            .post(
                "/api/admin/tenants/" + RunningStack.TENANT + "/keys",
                "{\"role\":\"operator\",\"name\":\"to revoke\"}");
    String key = created.body().get("key").asString();
    String keyId = created.body().get("id").asString();
    Api revoked = acme.withKey(key);
    assertThat(revoked.get("/api/batch/jobs/" + job).status()).isEqualTo(200);

    assertThat(
            stack
                .admin()
                .delete("/api/admin/tenants/" + RunningStack.TENANT + "/keys/" + keyId)
                .status())
        .isEqualTo(204);

    for (Api stranger :
        List.of(
            revoked,
            acme.withKey(null),
            acme.withKey("fdk_000000000000.wrong"),
            acme.withKey(key.substring(0, key.length() - 1) + "x"),
            acme.withKey("not even the shape"))) {
      Api.Response answer = stranger.get("/api/batch/jobs/" + job);
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.body().get("type").asString())
          .isEqualTo("urn:findoc:problem:unauthenticated");
    }
  }

  @Test
  void aSubmitterMaySubmitAndReadButNotOperate() {
    String job = acmeSubmitter.submit(aSubmission().json());
    assertThat(acmeSubmitter.job(job).get("id").asString()).isEqualTo(job);

    for (Api.Response refused :
        List.of(
            acmeSubmitter.put("/api/batch/jobs/" + job + "/pause"),
            acmeSubmitter.delete("/api/batch/jobs/" + job),
            acmeSubmitter.patch("/api/batch/jobs/" + job, "{\"priority\":\"high\"}"),
            acmeSubmitter.get("/api/admin/tenants"),
            acme.post("/api/admin/tenants", "{\"id\":\"sneaky\"}"))) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body().get("type").asString()).isEqualTo("urn:findoc:problem:forbidden");
    }
    assertThat(acme.job(job).get("state").asString()).isIn("QUEUED", "RUNNING");
  }

  @Test
  void keysAreShownOnceAndListedByPrefixOnly() {
    Api.Response created =
        stack
            .admin()
            .post(
                "/api/admin/tenants/" + RunningStack.TENANT + "/keys", "{\"role\":\"submitter\"}");
    assertThat(created.status()).isEqualTo(201);
    String key = created.body().get("key").asString();
    String prefix = created.body().get("prefix").asString();
    assertThat(key).startsWith(prefix + ".");

    JsonNode listed =
        stack.admin().get("/api/admin/tenants/" + RunningStack.TENANT + "/keys").body();

    assertThat(listed.toString()).contains(prefix).doesNotContain(key);
    String stored =
        stack
            .jdbi()
            .withHandle(
                h ->
                    h.select(
                            "SELECT encode(secret_hash, 'hex') FROM api_key WHERE prefix = ?",
                            prefix)
                        .mapTo(String.class)
                        .one());
    assertThat(stored).hasSize(64).doesNotContain(key.substring(prefix.length() + 1));
  }

  @Test
  void theAdminKeyManagesTenantsButActsForNone() {
    assertThat(stack.admin().get("/api/admin/tenants").status()).isEqualTo(200);
    Api.Response jobs = stack.admin().get("/api/batch/jobs");
    assertThat(jobs.status()).isEqualTo(403);
    assertThat(jobs.body().get("detail").asString()).contains("acts for no tenant");
    assertThat(stack.admin().post("/api/admin/tenants", "{\"id\":\"Bad Id\"}").status())
        .isEqualTo(400);
    assertThat(
            stack
                .admin()
                .post("/api/admin/tenants/nobody/keys", "{\"role\":\"operator\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            stack
                .admin()
                .post("/api/admin/tenants/" + RunningStack.TENANT + "/keys", "{\"role\":\"root\"}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void operatorAndAdminActionsAreAudited() {
    String job = acme.submit(aSubmission().json());
    acme.put("/api/batch/jobs/" + job + "/pause");
    globex.put("/api/batch/jobs/" + job + "/resume");

    JsonNode audit = stack.admin().get("/api/admin/audit?limit=1000").body();

    List<String> lines = new ArrayList<>();
    audit.forEach(
        event ->
            lines.add(
                event.get("tenantId").asString("")
                    + " "
                    + event.get("role").asString()
                    + " "
                    + event.get("action").asString()
                    + " "
                    + event.get("target").asString()
                    + " "
                    + event.get("status").asInt()));
    assertThat(lines)
        .contains(
            "acme operator PUT /api/batch/jobs/{id}/pause /api/batch/jobs/" + job + "/pause 200",
            "globex operator PUT /api/batch/jobs/{id}/resume /api/batch/jobs/"
                + job
                + "/resume 404",
            "acme operator POST /api/batch/jobs /api/batch/jobs 202")
        .anyMatch(line -> line.startsWith(" admin POST /api/admin/tenants/{tenant}/keys"));
    assertThat(audit.toString()).doesNotContain(acme.key());
  }
}
