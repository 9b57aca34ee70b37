package io.findoc.batch.coordinator.api;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.RunningStack;
import io.findoc.batch.coordinator.testing.StackExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The REST API over HTTP: accepted jobs, every kind of bad input, reading and paging. */
class JobApiIT {

  private static final String DOC = "{\"id\":\"a\",\"text\":\"x\"}";

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of("findoc.submission.max-documents", 5, "findoc.submission.max-inline-bytes", 64));

  static Stream<Arguments> badSubmissions() {
    return Stream.of(
        bad("malformed JSON", "{\"name\":", "$"),
        bad("empty body", "", "$"),
        bad("an array instead of an object", "[]", "$"),
        bad("unknown field", "{\"name\":\"n\",\"documents\":[" + DOC + "],\"colour\":1}", "colour"),
        bad(
            "unknown field in a document",
            "{\"name\":\"n\",\"documents\":[{\"id\":\"a\",\"text\":\"x\",\"colour\":1}]}",
            "documents[0].colour"),
        bad("documents not a list", "{\"name\":\"n\",\"documents\":\"abc\"}", "documents"),
        bad(
            "unknown priority",
            "{\"name\":\"n\",\"priority\":\"urgent\",\"documents\":[" + DOC + "]}",
            "priority"),
        bad("no name", "{\"documents\":[" + DOC + "]}", "name"),
        bad("blank name", "{\"name\":\" \",\"documents\":[" + DOC + "]}", "name"),
        bad("no documents", "{\"name\":\"n\",\"documents\":[]}", "documents"),
        bad("documents missing", "{\"name\":\"n\"}", "documents"),
        bad(
            "duplicate document ids",
            "{\"name\":\"n\",\"documents\":[" + DOC + "," + DOC + "]}",
            "documents[1].id"),
        bad(
            "document without id",
            "{\"name\":\"n\",\"documents\":[{\"text\":\"x\"}]}",
            "documents[0].id"),
        bad(
            "two sources",
            "{\"name\":\"n\",\"documents\":[{\"id\":\"a\",\"text\":\"x\",\"uri\":\"file:///a\"}]}",
            "documents[0]"),
        bad("no source", "{\"name\":\"n\",\"documents\":[{\"id\":\"a\"}]}", "documents[0]"),
        bad(
            "uri of another scheme",
            "{\"name\":\"n\",\"documents\":[{\"id\":\"a\",\"uri\":\"ftp://h/a.pdf\"}]}",
            "documents[0].uri"),
        bad(
            "relative uri",
            "{\"name\":\"n\",\"documents\":[{\"id\":\"a\",\"uri\":\"a.pdf\"}]}",
            "documents[0].uri"),
        bad(
            "content that is not base64",
            "{\"name\":\"n\",\"documents\":[{\"id\":\"a\",\"content\":\"***\","
                + "\"contentType\":\"application/pdf\"}]}",
            "documents[0].content"),
        bad(
            "content without a type",
            "{\"name\":\"n\",\"documents\":[{\"id\":\"a\",\"content\":\"QQ==\"}]}",
            "documents[0].contentType"),
        bad(
            "inline text over the limit",
            "{\"name\":\"n\",\"documents\":[{\"id\":\"a\",\"text\":\"" + "x".repeat(65) + "\"}]}",
            "documents[0].text"),
        bad("more documents than allowed", aSubmission().tasks(6).json(), "documents"),
        bad(
            "zero attempts",
            "{\"name\":\"n\",\"retry\":{\"maxAttempts\":0},\"documents\":[" + DOC + "]}",
            "retry.maxAttempts"),
        bad(
            "attempts not a number",
            "{\"name\":\"n\",\"retry\":{\"maxAttempts\":\"x\"},\"documents\":[" + DOC + "]}",
            "retry.maxAttempts"),
        bad(
            "processor name with spaces",
            "{\"name\":\"n\",\"processor\":\"Bad Name\",\"documents\":[" + DOC + "]}",
            "processor"));
  }

  private static Arguments bad(String what, String body, String field) {
    return Arguments.of(what, body, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void badSubmissionIsAProblemNamingTheFieldAndStoresNothing(
      String what, String body, String field) {
    long jobsBefore = count("job");
    long tasksBefore = count("task");

    Api.Response response = stack.api().post("/api/batch/jobs", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("status").asInt()).isEqualTo(400);
    assertThat(response.body().get("type").asString()).startsWith("urn:findoc:problem:");
    assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    assertThat(response.body().get("detail").asString()).startsWith(field + ": ");
    assertThat(count("job")).isEqualTo(jobsBefore);
    assertThat(count("task")).isEqualTo(tasksBefore);
  }

  @Test
  void everyViolationOfASubmissionIsListed() {
    Api.Response response =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                "{\"documents\":[{\"id\":\"a\"},{\"id\":\"a\",\"uri\":\"gopher://x\"}]}");

    assertThat(response.body().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactly("name", "documents[0]", "documents[1].id", "documents[1].uri");
  }

  @Test
  void acceptedJobAnswers202WithItsLocationAndAllItsTasksStored() {
    Api.Response response =
        stack
            .api()
            .post(
                "/api/batch/jobs",
                "{\"name\":\"statements\",\"priority\":\"high\",\"metadata\":{\"batch\":7},"
                    + "\"documents\":[{\"id\":\"s1\",\"uri\":\"file:///data/s1.pdf\"},"
                    + "{\"id\":\"s2\",\"content\":\"JVBERi0xLjQK\",\"contentType\":\"application/pdf\"}]}");

    assertThat(response.status()).isEqualTo(202);
    JsonNode job = response.body();
    assertThat(response.location()).isEqualTo("/api/batch/jobs/" + job.get("id").asString());
    assertThat(job.get("name").asString()).isEqualTo("statements");
    assertThat(job.get("priority").asString()).isEqualTo("high");
    assertThat(job.get("processor").asString()).isEqualTo("noop");
    assertThat(job.get("tenant").asString()).isEqualTo(RunningStack.TENANT);
    assertThat(job.get("metadata").get("batch").asInt()).isEqualTo(7);
    assertThat(job.get("counts").get("total").asInt()).isEqualTo(2);
    JsonNode task = stack.api().get(response.location() + "/tasks/2").body();
    assertThat(task.get("documentId").asString()).isEqualTo("s2");
    assertThat(task.get("document").get("contentType").asString()).isEqualTo("application/pdf");
  }

  @Test
  void tasksArePagedInOrderWithACursorAndATotal() {
    String id = stack.api().submit(aSubmission().tasks(5).json());
    List<String> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      JsonNode page =
          stack
              .api()
              .get(
                  "/api/batch/jobs/"
                      + id
                      + "/tasks?limit=2"
                      + (next == null ? "" : "&after=" + next))
              .body();
      assertThat(page.get("total").asInt()).isEqualTo(5);
      page.get("items").forEach(t -> seen.add(t.get("documentId").asString()));
      next = page.has("next") ? page.get("next").asString() : null;
      pages++;
    } while (next != null);

    assertThat(seen).containsExactly("doc-1", "doc-2", "doc-3", "doc-4", "doc-5");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void jobsAreListedNewestFirstAcrossPages() {
    String older = stack.api().submit(aSubmission().json());
    String newer = stack.api().submit(aSubmission().json());

    JsonNode first = stack.api().get("/api/batch/jobs?limit=1").body();
    JsonNode second =
        stack.api().get("/api/batch/jobs?limit=1&cursor=" + first.get("next").asString()).body();

    assertThat(first.get("items").get(0).get("id").asString()).isEqualTo(newer);
    assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(older);
  }

  static Stream<Arguments> badReads() {
    return Stream.of(
        Arguments.of("/api/batch/jobs/not-a-uuid", 400, "id"),
        Arguments.of("/api/batch/jobs?state=BOGUS", 400, "state"),
        Arguments.of("/api/batch/jobs?limit=0", 400, "limit"),
        Arguments.of("/api/batch/jobs?limit=1001", 400, "limit"),
        Arguments.of("/api/batch/jobs?cursor=%21%21", 400, "cursor"),
        Arguments.of("/api/batch/jobs/00000000-0000-0000-0000-000000000001", 404, null),
        Arguments.of("/api/batch/jobs/00000000-0000-0000-0000-000000000001/tasks", 404, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReads")
  void badReadIsAProblem(String path, int status, String parameter) {
    Api.Response response = stack.api().get(path);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    if (parameter != null) {
      assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    }
  }

  @Test
  void taskQueriesNameTheBadParameter() {
    String id = stack.api().submit(aSubmission().json());

    assertThat(stack.api().get("/api/batch/jobs/" + id + "/tasks?state=DONE").status())
        .isEqualTo(400);
    assertThat(stack.api().get("/api/batch/jobs/" + id + "/tasks?after=-1").body().get("errors"))
        .isNotNull();
    assertThat(stack.api().get("/api/batch/jobs/" + id + "/tasks/99").status()).isEqualTo(404);
    assertThat(stack.api().get("/api/batch/jobs/" + id + "/tasks/x").status()).isEqualTo(400);
  }

  private static long count(String table) {
    return stack
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }
}
