package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.client.FindocClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end throughput of one job of {@code noop} tasks: from the start of the submission to the
 * last result, with the coordinator's heap sampled all along, the submission included. Usage:
 * {@code NoopThroughput --api http://127.0.0.1:8080 --tasks 100000}. The last line is {@code RESULT
 * noop ...}.
 */
public final class NoopThroughput {

  private NoopThroughput() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI api = URI.create(options.getOrDefault("api", "http://127.0.0.1:8080"));
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "100000"));
    FindocClient client = FindocClient.withKeyFile(api, keyFile(options));
    byte[] body = body(tasks);

    HeapSampler heap = new HeapSampler(client);
    Thread sampler = new Thread(heap::sampleUntilInterrupted, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    String id = client.submitJson(body).get("id").asString();
    long submitted = System.nanoTime();
    JsonNode job = client.job(id);
    long lastPrint = 0;
    while (!job.get("state").asString().startsWith("COMPLETED")
        && !job.get("state").asString().equals("FAILED")) {
      Thread.sleep(100);
      job = client.job(id);
      if (System.nanoTime() - lastPrint > 2_000_000_000L) {
        System.out.printf(
            "  %5.1f s  %d/%d done%n",
            (System.nanoTime() - t0) / 1e9, job.get("counts").get("succeeded").asInt(), tasks);
        lastPrint = System.nanoTime();
      }
    }
    long done = System.nanoTime();
    sampler.interrupt();
    sampler.join();
    double e2e = (done - t0) / 1e9;
    System.out.printf(
        "RESULT noop tasks=%d state=%s succeeded=%d submit_s=%.2f e2e_s=%.2f tasks_per_s=%.0f"
            + " after_submit_per_s=%.0f coordinator_heap_max_mb=%.0f coordinator_live_data_max_mb=%.0f%n",
        tasks,
        job.get("state").asString(),
        job.get("counts").get("succeeded").asInt(),
        (submitted - t0) / 1e9,
        e2e,
        tasks / e2e,
        tasks / ((done - submitted) / 1e9),
        heap.maxHeapMb(),
        heap.maxLiveDataMb());
  }

  /** The submission, written directly: a million documents need no million maps. */
  static byte[] body(int tasks) {
    StringBuilder json = new StringBuilder(40 + tasks * 28);
    json.append("{\"name\":\"bench noop ")
        .append(tasks)
        .append("\",\"processor\":\"noop\",")
        .append("\"documents\":[");
    for (int i = 1; i <= tasks; i++) {
      if (i > 1) {
        json.append(',');
      }
      json.append("{\"id\":\"d").append(i).append("\",\"text\":\"x\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Samples the coordinator's heap through its metrics endpoint, twice a second. */
  private static final class HeapSampler {
    private final FindocClient client;
    private volatile double maxHeap;
    private volatile double maxLiveData;

    HeapSampler(FindocClient client) {
      this.client = client;
    }

    void sampleUntilInterrupted() {
      while (!Thread.currentThread().isInterrupted()) {
        maxHeap = Math.max(maxHeap, metric("jvm.memory.used?tag=area:heap"));
        maxLiveData = Math.max(maxLiveData, metric("jvm.gc.live.data.size"));
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private double metric(String name) {
      JsonNode m = client.get("/actuator/metrics/" + name);
      return m.get("measurements").get(0).get("value").asDouble() / (1024 * 1024);
    }

    double maxHeapMb() {
      return maxHeap;
    }

    double maxLiveDataMb() {
      return maxLiveData;
    }
  }

  private static Path keyFile(Map<String, String> options) {
    return options.containsKey("key-file") ? Path.of(options.get("key-file")) : null;
  }
}
