package io.findoc.batch.loadtests.demo;

import io.findoc.batch.loadtests.client.FindocClient;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Submits a sample job, shows its progress live, and prints a summary. Usage: {@code DemoClient
 * --api http://127.0.0.1:8080 --key-file var/demo-key --documents 200 [--corpus folder]}: with a
 * corpus folder, the job is generated financial documents for {@code findoc.analyze}, and the
 * summary says what the analyser found; without, {@code simulate} tasks. With {@code --job ID},
 * only the summary of a job submitted otherwise (by the findoc client, in {@code ./findoc demo}).
 */
public final class DemoClient {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration GIVE_UP = Duration.ofMinutes(10);
  private static final int BAR_WIDTH = 40;

  private DemoClient() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = options(args);
    URI api = URI.create(options.getOrDefault("api", "http://127.0.0.1:8080"));
    int documents = Integer.parseInt(options.getOrDefault("documents", "200"));
    PrintStream out = System.out;
    FindocClient client = FindocClient.withKeyFile(api, keyFile(options));
    if (options.containsKey("job")) {
      summaryOf(out, client, api, options.get("job"));
      return;
    }

    long t0 = System.nanoTime();
    JsonNode job =
        client.submit(
            options.containsKey("corpus")
                ? DemoCorpus.job(Path.of(options.get("corpus")), documents)
                : sampleJob(documents));
    String id = job.get("id").asString();
    out.printf(
        "Submitted job %s: %d documents, processor %s%n",
        id, documents, job.get("processor").asString());

    boolean live = System.console() != null;
    long lastLine = 0;
    while (!isFinished(job)) {
      if (System.nanoTime() - t0 > GIVE_UP.toNanos()) {
        out.println();
        System.err.println("The job did not finish within " + GIVE_UP + "; it is " + state(job));
        System.exit(1);
      }
      Thread.sleep(POLL.toMillis());
      job = client.job(id);
      if (live) {
        out.print("\r" + progressLine(job, t0));
        out.flush();
      } else if (System.nanoTime() - lastLine > 1_000_000_000L) {
        out.println(progressLine(job, t0));
        lastLine = System.nanoTime();
      }
    }
    out.print(live ? "\r" + progressLine(job, t0) + "\n" : progressLine(job, t0) + "\n");
    AnalysisSummary found =
        options.containsKey("corpus")
            ? AnalysisSummary.of(client.text("/api/batch/jobs/" + id + "/results"))
            : null;
    summary(out, job, api, seconds(t0), found);
    metrics(out, client, api);
    System.exit("COMPLETED".equals(state(job)) ? 0 : 1);
  }

  /**
   * The summary alone, of a job the findoc client submitted and watched ({@code ./findoc demo}):
   * its counts, its time from submission to the last result, and what the analyser found.
   */
  private static void summaryOf(PrintStream out, FindocClient client, URI api, String id) {
    JsonNode job = client.job(id);
    double elapsed =
        job.hasNonNull("finishedAt")
            ? Duration.between(
                        Instant.parse(job.get("createdAt").asString()),
                        Instant.parse(job.get("finishedAt").asString()))
                    .toMillis()
                / 1000.0
            : 0;
    AnalysisSummary found = AnalysisSummary.of(client.text("/api/batch/jobs/" + id + "/results"));
    summary(out, job, api, elapsed, found);
    metrics(out, client, api);
  }

  /** Documents with inline text, run by {@code simulate} with a little I/O and CPU per task. */
  static Map<String, Object> sampleJob(int documents) {
    List<Map<String, Object>> docs = new ArrayList<>(documents);
    for (int i = 1; i <= documents; i++) {
      docs.add(
          Map.of(
              "id",
              String.format("statement-%04d", i),
              "text",
              "Statement " + i + "\nOpening balance 1,000.00 EUR\nClosing balance 1,250.00 EUR"));
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", "demo: " + documents + " bank statements");
    job.put("priority", "normal");
    job.put("processor", "simulate");
    job.put("options", Map.of("sleepMs", 120, "cpuMs", 5));
    job.put("documents", docs);
    job.put("metadata", Map.of("source", "findoc demo"));
    return job;
  }

  private static String progressLine(JsonNode job, long t0) {
    JsonNode counts = job.get("counts");
    int total = counts.get("total").asInt();
    int done = counts.get("succeeded").asInt() + counts.get("failed").asInt();
    int filled = total == 0 ? 0 : (int) ((long) BAR_WIDTH * done / total);
    double elapsed = seconds(t0);
    return String.format(
        "[%s%s] %5.1f%%  %d/%d done  %d running  %d failed  %.0f tasks/s   ",
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        job.get("percentDone").asDouble(),
        done,
        total,
        counts.get("running").asInt(),
        counts.get("failed").asInt(),
        elapsed > 0 ? done / elapsed : 0);
  }

  /** A few figures of the metrics API, so the demo shows where they are. */
  private static void metrics(PrintStream out, FindocClient client, URI api) {
    try {
      JsonNode m = client.get("/api/batch/metrics");
      out.printf(
          "Metrics (%s/api/batch/metrics): %.1f tasks/s over the last minute; processing p50 %s"
              + " ms, p99 %s ms; end to end p99 %s ms; error rate %.2f%%; %d live workers%n",
          api,
          m.at("/throughput/last1m").asDouble(),
          m.at("/latency/processing/p50Ms").asString(),
          m.at("/latency/processing/p99Ms").asString(),
          m.at("/latency/endToEnd/p99Ms").asString(),
          100 * m.at("/errors/errorRate").asDouble(),
          m.get("workers").size());
    } catch (RuntimeException e) {
      out.printf("Metrics: %s/api/batch/metrics (not read: %s)%n", api, e.getMessage());
    }
  }

  private static void summary(
      PrintStream out, JsonNode job, URI api, double elapsed, AnalysisSummary found) {
    JsonNode counts = job.get("counts");
    String id = job.get("id").asString();
    out.println();
    out.printf("Job %s: %s%n", id, state(job));
    out.printf(
        "  tasks: %d total, %d succeeded, %d failed, %d cancelled%n",
        counts.get("total").asInt(),
        counts.get("succeeded").asInt(),
        counts.get("failed").asInt(),
        counts.get("cancelled").asInt());
    out.printf(
        "  time: %.1f s from submission to the last result, %.1f tasks/s%n",
        elapsed, counts.get("total").asInt() / elapsed);
    if (found != null) {
      found.print(out);
    }
    out.println();
    out.printf("The API is at %s; try:%n", api);
    out.printf("  KEY=\"Authorization: Bearer $(cat var/demo-key)\"%n");
    out.printf("  curl -H \"$KEY\" %s/api/batch/jobs/%s%n", api, id);
    out.printf("  curl -H \"$KEY\" '%s/api/batch/jobs/%s/tasks?limit=5'%n", api, id);
    out.printf("  curl -H \"$KEY\" %s/api/batch/jobs%n", api);
    out.printf(
        "  curl -H \"$KEY\" %s/api/batch/metrics          # throughput, latency, errors%n", api);
    out.printf("  curl -N -H \"$KEY\" %s/api/batch/jobs/%s/stream   # live progress%n", api, id);
    out.printf("  Prometheus: %s/actuator/prometheus%n", api);
    out.printf(
        "Or with the client: ./findoc jobs show %s, ./findoc results %s, ./findoc help%n", id, id);
    out.println("Stop everything with ./findoc down.");
  }

  private static boolean isFinished(JsonNode job) {
    return switch (state(job)) {
      case "COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "ROLLED_BACK" -> true;
      default -> false;
    };
  }

  private static String state(JsonNode job) {
    return job.get("state").asString();
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static Path keyFile(Map<String, String> options) {
    return options.containsKey("key-file") ? Path.of(options.get("key-file")) : null;
  }
}
