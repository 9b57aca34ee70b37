package io.findoc.batch.loadtests.bench;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.loadtests.client.FindocClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Submits a job and waits for its end, timing the submission and the whole run. */
public final class FindocJobs {

  private static final Set<String> FINISHED =
      Set.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "ROLLED_BACK");

  private final FindocClient client;

  FindocJobs(FindocClient client) {
    this.client = client;
  }

  /**
   * How one job went.
   *
   * @param submitSeconds from the start of the POST to the 202
   * @param seconds from the start of the POST to the last task's end, as seen by polling
   */
  public record Timing(
      String id, int tasks, String state, int succeeded, double submitSeconds, double seconds) {

    public double perSecond() {
      return tasks / seconds;
    }

    public double perSecondAfterSubmit() {
      return tasks / (seconds - submitSeconds);
    }
  }

  /** Whether a job as the API answers it has ended ({@code finishedAt} is set). */
  public static boolean finished(JsonNode job) {
    return job.get("finishedAt") != null && !job.get("finishedAt").isNull();
  }

  /** One job of {@code tasks} {@code noop} tasks. */
  public Timing noop(int tasks) throws InterruptedException {
    return run(noopBody(tasks), tasks, true);
  }

  /** One job of documents given by URI. */
  public Timing documents(
      String name, String processor, Map<String, Object> options, List<String> uris)
      throws InterruptedException {
    List<Map<String, Object>> documents = new java.util.ArrayList<>(uris.size());
    for (int i = 0; i < uris.size(); i++) {
      documents.add(Map.of("id", "d" + (i + 1), "uri", uris.get(i)));
    }
    return run(body(name, processor, options, documents), uris.size(), false);
  }

  /** One job of inline text documents. */
  public Timing texts(String name, String processor, Map<String, Object> options, int count)
      throws InterruptedException {
    List<Map<String, Object>> documents = new java.util.ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      documents.add(Map.of("id", "d" + i, "text", "x"));
    }
    return run(body(name, processor, options, documents), count, false);
  }

  private static byte[] body(
      String name, String processor, Map<String, Object> options, List<Map<String, Object>> docs) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", name);
    job.put("processor", processor);
    job.put("options", options);
    job.put("documents", docs);
    return Json.mapper().writeValueAsBytes(job);
  }

  /** The submission, written directly: a million documents need no million maps. */
  public static byte[] noopBody(int tasks) {
    StringBuilder json = new StringBuilder(40 + tasks * 28);
    json.append("{\"name\":\"bench noop ")
        .append(tasks)
        .append("\",\"processor\":\"noop\",")
        .append("\"documents\":[");
    return appendDocuments(json, tasks).append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends {@code tasks} one-line text documents d1, d2, ..., comma-separated. */
  public static StringBuilder appendDocuments(StringBuilder json, int tasks) {
    for (int i = 1; i <= tasks; i++) {
      if (i > 1) {
        json.append(',');
      }
      json.append("{\"id\":\"d").append(i).append("\",\"text\":\"x\"}");
    }
    return json;
  }

  private Timing run(byte[] body, int tasks, boolean progress) throws InterruptedException {
    long t0 = System.nanoTime();
    String id = client.submitJson(body).get("id").asString();
    long submitted = System.nanoTime();
    JsonNode job = client.job(id);
    long lastPrint = System.nanoTime();
    while (!FINISHED.contains(job.get("state").asString())) {
      // Often for a short job, seldom for a long one: the polls cost the coordinator too.
      Thread.sleep(Math.max(20, Math.min(250, (System.nanoTime() - t0) / 50_000_000)));
      job = client.job(id);
      if (progress && System.nanoTime() - lastPrint > 5_000_000_000L) {
        System.out.printf(
            "    %5.1f s  %d/%d done%n",
            (System.nanoTime() - t0) / 1e9, job.get("counts").get("succeeded").asInt(), tasks);
        lastPrint = System.nanoTime();
      }
    }
    long done = System.nanoTime();
    return new Timing(
        id,
        tasks,
        job.get("state").asString(),
        job.get("counts").get("succeeded").asInt(),
        (submitted - t0) / 1e9,
        (done - t0) / 1e9);
  }
}
