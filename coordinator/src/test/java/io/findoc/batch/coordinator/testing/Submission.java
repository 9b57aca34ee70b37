package io.findoc.batch.coordinator.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object mother of job submissions: {@code aSubmission()} is one no-op document, and each call
 * changes one thing, so a test names only what matters to it.
 *
 * <pre>{@code
 * aSubmission().processor("simulate").tasks(20).option("failAttempts", 2).retry("maxAttempts", 1)
 * }</pre>
 */
public final class Submission {

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Object> options = new LinkedHashMap<>();
  private final List<Map<String, Object>> documents = new ArrayList<>();
  private String processor = "noop";

  private Submission() {
    tasks(1);
  }

  /** One inline text document {@code doc-1} for the {@code noop} processor. */
  public static Submission aSubmission() {
    return new Submission();
  }

  public Submission processor(String name) {
    this.processor = name;
    return this;
  }

  /**
   * {@code count} inline text documents {@code doc-1}, {@code doc-2}, ... in place of the others.
   */
  public Submission tasks(int count) {
    documents.clear();
    for (int i = 1; i <= count; i++) {
      documents.add(Map.of("id", "doc-" + i, "text", "document " + i));
    }
    return this;
  }

  /** No documents yet: the ones added next are the job's. */
  public Submission noDocuments() {
    documents.clear();
    return this;
  }

  /** Adds an inline text document that waits for {@code dependsOn}. */
  public Submission document(String id, String text, String... dependsOn) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", id);
    document.put("text", text);
    if (dependsOn.length > 0) {
      document.put("dependsOn", List.of(dependsOn));
    }
    documents.add(document);
    return this;
  }

  /** Four documents in place of the others: a; b and c depend on a; d on b and c. */
  public Submission diamond() {
    return noDocuments()
        .document("a", "a")
        .document("b", "b", "a")
        .document("c", "c", "a")
        .document("d", "d", "b", "c");
  }

  /** Adds a document as given, for fields the other methods do not cover. */
  public Submission document(Map<String, Object> document) {
    documents.add(document);
    return this;
  }

  public Submission option(String name, Object value) {
    options.put(name, value);
    return this;
  }

  public Submission options(Map<String, ?> values) {
    options.putAll(values);
    return this;
  }

  public Submission name(String name) {
    return with("name", name);
  }

  public Submission priority(String priority) {
    return with("priority", priority);
  }

  /** The jobs this one waits for. */
  public Submission dependsOn(Object... jobIds) {
    return with("dependsOn", Arrays.stream(jobIds).map(String::valueOf).toList());
  }

  /** The retry policy: {@code retry("maxAttempts", 2, "initialBackoff", "PT0.1S")}. */
  public Submission retry(Object... namesAndValues) {
    return with("retry", map(namesAndValues));
  }

  /** The failure policy: {@code failurePolicy("threshold", Map.of("count", 3))}. */
  public Submission failurePolicy(Object... namesAndValues) {
    return with("failurePolicy", map(namesAndValues));
  }

  /** Any top-level field, as it should appear in the body (wrong on purpose, too). */
  public Submission with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  /** The body as a map a test may change further. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", processor + " x" + documents.size());
    body.put("processor", processor);
    body.put("options", new LinkedHashMap<>(options));
    body.put("documents", new ArrayList<>(documents));
    body.putAll(fields);
    return body;
  }

  public String json() {
    return Api.json(body());
  }

  @Override
  public String toString() {
    return json();
  }

  private static Map<String, Object> map(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }
}
