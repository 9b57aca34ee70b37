package io.findoc.batch.coordinator.security;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.StackExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of TESTING.md, and a seeded fuzzer over the submission: each gets a 4xx
 * problem+json answer, nothing is stored, and nothing answers 5xx. The coordinator runs with small
 * limits (a 64 KiB body, 100 documents) so that the limits themselves are exercised.
 */
class HostileInputIT {

  private static final String JUNK = "{}[]\",:0-tn\\\u0000é";

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of(
              "findoc.security.max-body-bytes", 65536,
              "findoc.submission.max-documents", 100,
              "findoc.security.requests-per-second", 10000,
              "findoc.security.burst", 10000));

  /** Every bad submission of TESTING.md, by name. */
  static Stream<Arguments> badSubmissions() {
    Map<String, String> bad = new LinkedHashMap<>();
    String valid = aSubmission().tasks(2).json();
    bad.put("empty body", "");
    bad.put("malformed JSON", "{\"name\": \"x\", ");
    bad.put("not an object", "[1, 2, 3]");
    bad.put("two objects", valid + valid);
    bad.put("unknown field", valid.replaceFirst("\\{", "{\"owner\":\"me\","));
    bad.put("wrong type", valid.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":42"));
    bad.put("NaN", valid.replaceFirst("\\{", "{\"retry\":{\"maxAttempts\":NaN},"));
    bad.put(
        "huge number",
        valid.replaceFirst("\\{", "{\"retry\":{\"maxAttempts\":1" + "0".repeat(40) + "},"));
    bad.put(
        "deep nesting",
        valid.replaceFirst(
            "\\{", "{\"metadata\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + ","));
    bad.put(
        "huge string",
        valid.replaceFirst("\\{", "{\"metadata\":{\"a\":\"" + "x".repeat(70_000) + "\"},"));
    bad.put(
        "body over the limit", Api.json(Map.of("name", "big", "documents", documents(40, 2000))));
    bad.put(
        "more documents than allowed",
        Api.json(Map.of("name", "many", "documents", documents(101, 1))));
    bad.put(
        "duplicate document ids",
        Api.json(
            Map.of(
                "name",
                "dup",
                "documents",
                List.of(Map.of("id", "a", "text", "1"), Map.of("id", "a", "text", "2")))));
    bad.put(
        "dependency cycle",
        Api.json(
            Map.of(
                "name",
                "cycle",
                "documents",
                List.of(
                    Map.of("id", "a", "text", "1", "dependsOn", List.of("b")),
                    Map.of("id", "b", "text", "2", "dependsOn", List.of("a"))))));
    bad.put("no source", Api.json(Map.of("name", "none", "documents", List.of(Map.of("id", "a")))));
    bad.put(
        "two sources",
        Api.json(
            Map.of(
                "name",
                "two",
                "documents",
                List.of(Map.of("id", "a", "text", "1", "uri", "https://x.test/a")))));
    bad.put(
        "bad uri scheme",
        Api.json(
            Map.of(
                "name",
                "scheme",
                "documents",
                List.of(Map.of("id", "a", "uri", "gopher://x.test/a")))));
    bad.put(
        "bad base64",
        Api.json(
            Map.of(
                "name",
                "b64",
                "documents",
                List.of(Map.of("id", "a", "content", "%%%%", "contentType", "application/pdf")))));
    bad.put(
        "control characters",
        "{\"name\":\"a\u0000b\",\"documents\":[{\"id\":\"a\",\"text\":\"x\"}]}");
    bad.put(
        "unknown job dependency",
        aSubmission().dependsOn("00000000-0000-0000-0000-000000000000").json());
    bad.put("job dependency not a uuid", aSubmission().dependsOn("../../etc/passwd").json());
    return bad.entrySet().stream().map(input -> Arguments.of(input.getKey(), input.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void aBadSubmissionIsRefusedByNameAndStoresNothing(String name, String body) {
    long jobs = jobRows();

    Api.Response answer = stack.api().post("/api/batch/jobs", body);

    System.out.println(
        "hostile input: " + name + " -> " + answer.status() + " " + describe(answer));
    assertThat(answer.status()).isBetween(400, 499);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(jobRows()).isEqualTo(jobs);
  }

  @Test
  void badParametersAndPathsAreRefusedByName() {
    for (String path :
        List.of(
            "/api/batch/jobs/not-a-uuid",
            "/api/batch/jobs?limit=-1",
            "/api/batch/jobs?limit=100000",
            "/api/batch/jobs?state=RUNNING'%20OR%20'1'='1",
            "/api/batch/jobs?cursor=%00%00",
            "/api/batch/jobs/00000000-0000-0000-0000-000000000000/tasks?after=-5",
            "/api/batch/jobs/00000000-0000-0000-0000-000000000000/tasks/abc")) {
      Api.Response answer = stack.api().get(path);
      assertThat(answer.status()).as(path).isBetween(400, 404);
      assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
    }
  }

  @Test
  void aFuzzedSubmissionNeverAnswers5xxAndARefusalStoresNothing() {
    Random random = new Random(20261128);
    String valid =
        Api.json(
            Map.of(
                "name",
                "fuzz",
                "priority",
                "high",
                "processor",
                "noop",
                "retry",
                Map.of("maxAttempts", 2),
                "metadata",
                Map.of("k", List.of(1, "two", true)),
                "documents",
                List.of(
                    Map.of("id", "a", "text", "one"),
                    Map.of(
                        "id", "b", "uri", "https://example.test/b.pdf", "dependsOn", List.of("a")),
                    Map.of("id", "c", "content", "JVBERi0=", "contentType", "application/pdf"))));
    int refused = 0;
    int accepted = 0;
    for (int i = 0; i < 300; i++) {
      String body = mutate(valid, random);
      long before = jobRows();
      Api.Response answer = stack.api().post("/api/batch/jobs", body);
      assertThat(answer.status()).as("status for %s", body).isLessThan(500);
      if (answer.status() >= 400) {
        refused++;
        assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
        assertThat(jobRows()).as(body).isEqualTo(before);
      } else {
        accepted++;
        assertThat(answer.status()).isEqualTo(202);
      }
    }
    System.out.printf(
        "fuzzer: 300 mutated submissions, %d refused, %d accepted%n", refused, accepted);
    assertThat(refused).isPositive();
  }

  private static String mutate(String json, Random random) {
    StringBuilder text = new StringBuilder(json);
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && text.length() > 1; m++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(6)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, JUNK.charAt(random.nextInt(JUNK.length())));
        case 2 -> text.setLength(at);
        case 3 -> text.insert(at, "\"x\":" + (random.nextBoolean() ? "null" : "[1e999]") + ",");
        case 4 -> text.replace(at, Math.min(text.length(), at + 3), "true");
        default -> text.insert(at, text.substring(at, Math.min(text.length(), at + 20)));
      }
    }
    return text.toString();
  }

  private static List<Map<String, Object>> documents(int count, int textLength) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      documents.add(Map.of("id", "d" + i, "text", "x".repeat(textLength)));
    }
    return documents;
  }

  private static String describe(Api.Response answer) {
    if (answer.body() == null) {
      return "(no body)";
    }
    return answer.body().has("detail") ? answer.body().get("detail").asString() : "";
  }

  private static long jobRows() {
    return stack
        .jdbi()
        .withHandle(h -> h.select("SELECT count(*) FROM job").mapTo(Long.class).one());
  }
}
