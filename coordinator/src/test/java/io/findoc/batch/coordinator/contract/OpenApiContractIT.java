package io.findoc.batch.coordinator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.Jobs;
import io.findoc.batch.coordinator.testing.RunningStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /** Fields of a job that are left out unless set (a reason, a deadline, a rollback). */
  private static final Set<String> JOB_FIELDS_ABSENT_UNLESS_SET =
      Set.of("stateReason", "deadline", "rollback");

  private static RunningStack stack;
  private static Api api;
  private static JsonNode document;

  @BeforeAll
  static void start() {
    stack = RunningStack.coordinatorOnly(Map.of());
    api = stack.api();
    Api.Response answer = api.withKey(null).get("/api/openapi.json");
    assertThat(answer.status()).as("the document is open without a key").isEqualTo(200);
    document = answer.body();
  }

  @AfterAll
  static void stop() {
    stack.close();
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
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          JsonNode responses = operation.getValue().get("responses");
                          for (String status : List.of("400", "401", "429", "500")) {
                            JsonNode answer = responses.get(status);
                            if (answer == null
                                || answer.get("content").get("application/problem+json") == null) {
                              without.add(operation.getKey() + " " + path.getKey() + " " + status);
                            }
                          }
                        }));
    assertThat(without).isEmpty();
    assertThat(schema("Problem").get("properties").propertyNames())
        .contains("type", "title", "status", "detail", "errors");
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
  void aJobHasTheFieldsTheDocumentSays() {
    String id = api.submit(Jobs.noop(3));
    Set<String> returned = fieldNames(api.job(id));
    Set<String> documented = properties(schema("JobView"));

    assertThat(returned).as("fields returned but not documented").isSubsetOf(documented);
    Set<String> notReturned = new HashSet<>(documented);
    notReturned.removeAll(returned);
    assertThat(notReturned)
        .as("documented fields not returned")
        .isSubsetOf(JOB_FIELDS_ABSENT_UNLESS_SET);
    assertThat(fieldNames(api.job(id).get("counts"))).isEqualTo(properties(schema("Counts")));
  }

  @Test
  void aTaskAndAPageHaveTheFieldsTheDocumentSays() {
    String id = api.submit(Jobs.noop(2));
    JsonNode page = api.get("/api/batch/jobs/" + id + "/tasks?limit=1").body();
    assertThat(fieldNames(page)).isSubsetOf(properties(schema("PageTaskView")));
    JsonNode task = page.get("items").get(0);
    assertThat(fieldNames(task)).isSubsetOf(properties(schema("TaskView")));
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
