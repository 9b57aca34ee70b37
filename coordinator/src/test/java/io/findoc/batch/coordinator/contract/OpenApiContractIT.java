package io.findoc.batch.coordinator.contract;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Awaits;
import io.findoc.batch.coordinator.testing.RunningStack;
import io.findoc.batch.coordinator.testing.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The published contract against the running coordinator: every controller endpoint is in {@code
 * /api/openapi.json}, every error it names is problem+json, and what the document says a job, a
 * page and a task have is what the API returns.
 */
class OpenApiContractIT {

  /**
   * Documented fields that the answers below leave out, each for a reason: null unless set, and not
   * set by what this test does.
   */
  private static final Set<String> FIELDS_ABSENT_UNLESS_SET =
      Set.of(
          "PageJobView.total", // the list of jobs does not count them; a page of tasks does
          "JobView.rollback", // only jobs with onFailure: rollback that failed
          "SubmittedJobView.rollback",
          "SubmittedJobView.startedAt", // a job just accepted has not started, nor finished
          "SubmittedJobView.finishedAt",
          "SubmittedJobView.stateReason",
          "TaskView.compensation", // only tasks of a job rolled back
          "TaskView.notBefore", // only while a task waits to be retried
          "Error.trace", // only errors that carry a stack trace
          "WebhookView.disabledReason"); // only endpoints disabled by failures

  private static WebhookReceiver receiver;
  private static RunningStack stack;
  private static Api api;
  private static JsonNode document;

  @BeforeAll
  static void start() throws java.io.IOException {
    receiver = new WebhookReceiver();
    stack =
        RunningStack.withWorkers(
            1,
            Map.of(
                "findoc.webhooks.allow-loopback", true, "findoc.webhooks.initial-backoff", "1h"));
    api = stack.api();
    Api.Response answer = api.withKey(null).get("/api/openapi.json");
    assertThat(answer.status()).as("the document is open without a key").isEqualTo(200);
    document = answer.body();
  }

  @AfterAll
  static void stop() {
    stack.close();
    receiver.close();
  }

  @Test
  void theDocumentIsOpenApi31AndAsksForABearerKey() {
    assertThat(document.get("openapi").asString()).startsWith("3.1");
    JsonNode scheme = document.get("components").get("securitySchemes").get("apiKey");
    assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
  }

  @Test
  void everyControllerEndpointIsInTheDocument() {
    RequestMappingHandlerMapping mappings =
        stack
            .coordinator()
            .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    List<String> missing = new ArrayList<>();
    Set<String> endpoints = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")
                    || handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                  continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                  endpoints.add(method + " " + path);
                  JsonNode item = document.get("paths").get(path);
                  if (item == null || item.get(method.name().toLowerCase(Locale.ROOT)) == null) {
                    missing.add(method + " " + path);
                  }
                }
              }
            });
    assertThat(endpoints).as("controller endpoints found").contains("POST /api/batch/jobs");
    assertThat(missing).as("endpoints missing from /api/openapi.json").isEmpty();
  }

  @Test
  void everyOperationDocumentsItsErrorsAsProblemJson() {
    List<String> without = new ArrayList<>();
    forEachOperation(
        (method, path, operation) -> {
          JsonNode responses = operation.get("responses");
          for (String status : List.of("400", "401", "429", "500")) {
            JsonNode answer = responses.get(status);
            if (answer == null || answer.get("content").get("application/problem+json") == null) {
              without.add(method + " " + path + " " + status);
            }
          }
        });
    assertThat(without).isEmpty();
    assertThat(schema("Problem").get("properties").propertyNames())
        .contains("type", "title", "status", "detail", "errors");
  }

  @Test
  void everyOperationHasExamplesOfItsBodyAndAnswersWithDocumentedFieldsOnly() {
    DocumentedFields fields = new DocumentedFields(document);
    List<String> without = new ArrayList<>();
    forEachOperation(
        (method, path, operation) -> {
          String name = method.toUpperCase(Locale.ROOT) + " " + path;
          JsonNode body = operation.get("requestBody");
          if (body != null) {
            body.get("content")
                .properties()
                .forEach(
                    media -> example(name + " request " + media.getKey(), media, fields, without));
          }
          operation
              .get("responses")
              .properties()
              .forEach(
                  answer -> {
                    JsonNode content = answer.getValue().get("content");
                    String status = answer.getKey();
                    if (content == null || content.isEmpty()) {
                      if (!status.equals("204")) {
                        without.add(name + " " + status + ": no content");
                      }
                      return;
                    }
                    content
                        .properties()
                        .forEach(
                            media ->
                                example(
                                    name + " " + status + " " + media.getKey(),
                                    media,
                                    fields,
                                    without));
                  });
        });
    assertThat(without).as("contents without an example").isEmpty();
    assertThat(fields.undocumented()).as("example fields their schemas do not document").isEmpty();
    assertThat(fields.mistyped()).as("example values of another kind than documented").isEmpty();
    assertThat(fields.schemasMet())
        .contains("JobView", "MetricsSnapshot", "Problem", "WebhookView");
  }

  /** One operation of the document: its method (lower case, as written), path and definition. */
  private interface OperationVisitor {
    void visit(String method, String path, JsonNode operation);
  }

  private static void forEachOperation(OperationVisitor visitor) {
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation ->
                            visitor.visit(
                                operation.getKey(), path.getKey(), operation.getValue())));
  }

  /** Notes a content without an example, and compares a JSON example with the content's schema. */
  private static void example(
      String where,
      Map.Entry<String, JsonNode> media,
      DocumentedFields fields,
      List<String> without) {
    List<JsonNode> examples = new ArrayList<>();
    JsonNode single = media.getValue().get("example");
    if (single != null) {
      examples.add(single);
    }
    JsonNode named = media.getValue().get("examples");
    if (named != null) {
      named.forEach(e -> examples.add(e.get("value")));
    }
    if (examples.isEmpty()) {
      without.add(where);
    } else if (media.getKey().equals("application/json")
        || media.getKey().equals("application/problem+json")) {
      examples.forEach(e -> fields.compare(media.getValue().get("schema"), e, where));
    }
  }

  @Test
  void streamedAnswersAreDocumentedAsWhatTheyStreamNotAsJavaTypes() {
    assertThat(document.get("components").get("schemas").propertyNames())
        .doesNotContain("StreamingResponseBody", "SseEmitter");
    JsonNode errors =
        document.get("paths").get("/api/batch/jobs/{id}/errors").get("get").get("responses");
    assertThat(errors.get("200").get("content").propertyNames())
        .contains("application/json", "text/csv");
    JsonNode results =
        document.get("paths").get("/api/batch/jobs/{id}/results").get("get").get("responses");
    assertThat(results.get("200").get("content").propertyNames()).contains("application/x-ndjson");
  }

  @Test
  void theSubmissionHasItsBodyDocumentedWithAnExample() {
    JsonNode body =
        document
            .get("paths")
            .get("/api/batch/jobs")
            .get("post")
            .get("requestBody")
            .get("content")
            .get("application/json");
    assertThat(body.get("examples")).isNotNull();
    Set<String> fields = properties(resolve(body.get("schema")));
    assertThat(fields).contains("name", "processor", "priority", "documents", "deadline");
  }

  @Test
  void everyAnswerHasTheFieldsTheDocumentSays() {
    DocumentedFields fields = new DocumentedFields(document);
    Answers answers = new Answers(fields, api);
    Answers admin = new Answers(fields, stack.admin());
    receiver.behave("/failing", (id, n) -> WebhookReceiver.Answer.status(500));

    // A job whose tasks fail, succeed after a retry, and succeed; with a deadline, metadata and a
    // webhook of its own.
    Map<String, Object> job = aSubmission().processor("simulate").tasks(3).body();
    job.put(
        "options",
        Map.of(
            "failDocuments", List.of("doc-1"),
            "failure", "permanent",
            "failUntilAttempt", Map.of("doc-2", 1)));
    job.put("retry", Map.of("maxAttempts", 2, "initialBackoff", "PT0.1S"));
    job.put("deadline", "2099-01-01T00:00:00Z");
    job.put("metadata", Map.of("customer", "c-42"));
    job.put(
        "webhooks",
        List.of(Map.of("url", receiver.url("/job"), "events", List.of("batch.job.completed"))));
    JsonNode submitted = answers.post("/api/batch/jobs", Api.json(job), 202);
    String id = submitted.get("id").asString();
    Awaits.jobReaches(api, id, Duration.ofMinutes(1), "COMPLETED_WITH_ERRORS");

    answers.get("/api/batch/jobs/{id}", id);
    answers.query("/api/batch/jobs/" + id + "/tasks?limit=2", "/api/batch/jobs/{id}/tasks");
    answers.get("/api/batch/jobs/{id}/tasks/{number}", id, "1");
    answers.get("/api/batch/jobs/{id}/tasks/{number}", id, "2");
    answers.get("/api/batch/jobs/{id}/tasks/{number}", id, "3");
    answers.get("/api/batch/jobs/{id}/history", id);
    answers.get("/api/batch/jobs/{id}/errors", id);
    answers.post("/api/batch/jobs/{id}/retry", "{\"tasks\":[1]}", 200, id);
    // The retry reopens the job; once it has finished again, its deadline counts as met.
    Awaits.jobReaches(api, id, Duration.ofMinutes(1), "COMPLETED_WITH_ERRORS");

    // A job that hangs, operated on, then cancelled with a reason.
    String hanging =
        api.submit(aSubmission().processor("simulate").tasks(2).option("hang", true).json());
    answers.put("/api/batch/jobs/{id}/pause", hanging);
    answers.put("/api/batch/jobs/{id}/resume", hanging);
    answers.patch("/api/batch/jobs/{id}", "{\"priority\":\"high\"}", hanging);
    answers.delete("/api/batch/jobs/{id}?reason=contract", "/api/batch/jobs/{id}", 200, hanging);
    answers.get("/api/batch/jobs/{id}", hanging);
    answers.query("/api/batch/jobs?limit=1", "/api/batch/jobs"); // two jobs: a next page

    // Webhooks: one that answers, one that fails; deliveries of both, a rotated secret.
    JsonNode ok =
        answers.post(
            "/api/webhooks",
            Api.json(
                Map.of(
                    "url", receiver.url("/ok"),
                    "eventTypes", List.of("batch.job.created", "batch.job.completed"))),
            201);
    JsonNode failing =
        answers.post(
            "/api/webhooks",
            Api.json(
                Map.of(
                    "url", receiver.url("/failing"), "eventTypes", List.of("batch.job.created"))),
            201);
    String okId = ok.get("id").asString();
    String failingId = failing.get("id").asString();
    answers.patch("/api/webhooks/{id}", "{\"jobId\":\"" + id + "\"}", failingId);
    answers.patch("/api/webhooks/{id}", "{\"jobId\":null}", failingId);
    api.submit(aSubmission().json());
    await()
        .atMost(Duration.ofMinutes(1))
        .alias("a delivery succeeded and one failed")
        .until(
            () ->
                api.get("/api/webhooks/" + okId + "/deliveries?state=SUCCEEDED").body().size() > 0
                    && api.get("/api/webhooks/" + failingId + "/deliveries?state=PENDING")
                            .body()
                            .size()
                        > 0
                    && api.get("/api/webhooks/" + failingId + "/deliveries")
                        .body()
                        .get(0)
                        .has("lastError"));
    answers.query("/api/webhooks", "/api/webhooks");
    answers.get("/api/webhooks/{id}", okId);
    answers.post("/api/webhooks/{id}/rotate-secret", "{\"overlapSeconds\":60}", 200, okId);
    answers.get("/api/webhooks/{id}", okId);
    answers.get("/api/webhooks/{id}/deliveries", okId);
    JsonNode failed = answers.get("/api/webhooks/{id}/deliveries", failingId);
    answers.post(
        "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver",
        "",
        202,
        failingId,
        failed.get(0).get("id").asString());
    answers.delete("/api/webhooks/{id}", "/api/webhooks/{id}", 204, failingId);

    // Metrics, now and per minute.
    await()
        .atMost(Duration.ofMinutes(1))
        .alias("the worker heartbeat is in the metrics")
        .until(() -> api.get("/api/batch/metrics").body().get("workers").size() > 0);
    answers.query("/api/batch/metrics", "/api/batch/metrics");
    admin.query("/api/batch/metrics", "/api/batch/metrics");
    answers.query("/api/batch/metrics/history", "/api/batch/metrics/history");

    // Tenants, keys and the audit trail, as the admin.
    admin.post("/api/admin/tenants", "{\"id\":\"contract\",\"name\":\"Contract\"}", 201);
    admin.post("/api/admin/tenants", "{\"id\":\"contract\"}", 200);
    admin.query("/api/admin/tenants", "/api/admin/tenants");
    JsonNode key =
        admin.post("/api/admin/tenants/{tenant}/keys", "{\"role\":\"submitter\"}", 201, "contract");
    admin.delete(
        "/api/admin/tenants/{tenant}/keys/{id}",
        "/api/admin/tenants/{tenant}/keys/{id}",
        204,
        "contract",
        key.get("id").asString());
    admin.get("/api/admin/tenants/{tenant}/keys", "contract");
    admin.query("/api/admin/audit?limit=20", "/api/admin/audit");

    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(fields.undocumented())
              .as("fields returned but not documented")
              .isEmpty();
          softly
              .assertThat(fields.mistyped())
              .as("values of another kind than documented")
              .isEmpty();
          softly
              .assertThat(fields.notReturned(FIELDS_ABSENT_UNLESS_SET))
              .as("documented fields no answer had")
              .isEmpty();
          softly
              .assertThat(fields.returnedOf(FIELDS_ABSENT_UNLESS_SET))
              .as("fields said to be absent here that answers had: take them off the list")
              .isEmpty();
        });
    assertThat(fields.schemasMet())
        .contains(
            "JobView",
            "TaskView",
            "AttemptView",
            "ErrorReport",
            "WebhookView",
            "WebhookDeliveryRow",
            "MetricsSnapshot",
            "WorkerHeartbeat",
            "History",
            "Tenant",
            "KeyView",
            "CreatedKey",
            "AuditEvent");
  }

  /** Calls the API and compares each answer with what the document says of its status and body. */
  private record Answers(DocumentedFields fields, Api api) {

    /** GETs {@code template} with its {@code {...}}s filled from {@code values} in order. */
    JsonNode get(String template, String... values) {
      return check("GET", template, fill(template, values), 200, api.get(fill(template, values)));
    }

    /** GETs {@code uri} (with a query), documented under {@code template}. */
    JsonNode query(String uri, String template) {
      return check("GET", template, uri, 200, api.get(uri));
    }

    JsonNode post(String template, String body, int status, String... values) {
      String uri = fill(template, values);
      return check("POST", template, uri, status, api.post(uri, body));
    }

    JsonNode put(String template, String... values) {
      String uri = fill(template, values);
      return check("PUT", template, uri, 200, api.put(uri));
    }

    JsonNode patch(String template, String body, String... values) {
      String uri = fill(template, values);
      return check("PATCH", template, uri, 200, api.patch(uri, body));
    }

    JsonNode delete(String uri, String template, int status, String... values) {
      String filled = fill(uri, values);
      return check("DELETE", template, filled, status, api.delete(filled));
    }

    private JsonNode check(String method, String template, String uri, int status, Api.Response r) {
      String where = method + " " + uri;
      assertThat(r.status()).as("%s answered %s", where, r.body()).isEqualTo(status);
      assertThat(fields.answer(method, template, status))
          .as("%s %s: answer %d documented", method, template, status)
          .isNotNull();
      if (r.body() != null) {
        JsonNode schema = fields.answerSchema(method, template, status, "application/json");
        assertThat(schema)
            .as("%s %s %d: a JSON body documented", method, template, status)
            .isNotNull();
        fields.compare(schema, r.body(), where);
      }
      return r.body();
    }

    private static String fill(String template, String... values) {
      String filled = template;
      for (String value : values) {
        filled = filled.replaceFirst("\\{[^}]+}", value);
      }
      return filled;
    }
  }

  @Test
  void theSwaggerUiPageIsOpenWithoutAKey() {
    Api anonymous = api.withKey(null);
    Api.Response docs = anonymous.get("/api/docs");
    assertThat(docs.status()).isEqualTo(302);
    assertThat(anonymous.text(docs.location())).contains("swagger-ui");
    assertThat(anonymous.get("/api/openapi.json/swagger-config").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/batch/jobs").status()).isEqualTo(401);
  }

  private static JsonNode schema(String name) {
    JsonNode schema = document.get("components").get("schemas").get(name);
    assertThat(schema).as("schema %s", name).isNotNull();
    return schema;
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    return ref == null
        ? schema
        : schema(ref.asString().substring("#/components/schemas/".length()));
  }

  private static Set<String> properties(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      names.addAll(properties.propertyNames());
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null) {
      allOf.forEach(part -> names.addAll(properties(resolve(part))));
    }
    return names;
  }

  private static Set<String> fieldNames(JsonNode node) {
    return new TreeSet<>(node.propertyNames());
  }
}
