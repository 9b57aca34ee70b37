package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.client.FindocClient;
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
 * The scheduling figures, on a running stack whose workers run {@code simulate} tasks of {@code
 * --sleep-ms} each: how long a 10-task job takes while a big low-priority job saturates the workers
 * (high priority, and low like the big one), the share of the workers each priority gets when all
 * three have a backlog, and the time from {@code pause} to the last task that started. Usage:
 * {@code SchedulingFigures --api http://127.0.0.1:8080 --sleep-ms 20 --big 20000}. The last line is
 * {@code RESULT scheduling ...}.
 */
public final class SchedulingFigures {

  private final FindocClient client;
  private final int sleepMs;
  private final int big;

  private SchedulingFigures(FindocClient client, int sleepMs, int big) {
    this.client = client;
    this.sleepMs = sleepMs;
    this.big = big;
  }

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    SchedulingFigures figures =
        new SchedulingFigures(
            FindocClient.withKeyFile(
                URI.create(options.getOrDefault("api", "http://127.0.0.1:8080")),
                options.containsKey("key-file") ? Path.of(options.get("key-file")) : null),
            Integer.parseInt(options.getOrDefault("sleep-ms", "20")),
            Integer.parseInt(options.getOrDefault("big", "20000")));
    double[] smallJobs = figures.smallJobsBesideABigOne();
    double[] shares = figures.sharesUnderContention();
    long pauseMs = figures.pauseToLastStart();
    System.out.printf(
        "RESULT scheduling sleep_ms=%d high_10_task_job_s=%.2f low_10_task_job_s=%.2f"
            + " share_high=%.2f share_normal=%.2f share_low=%.2f pause_to_last_start_ms=%d%n",
        figures.sleepMs, smallJobs[0], smallJobs[1], shares[0], shares[1], shares[2], pauseMs);
  }

  /** Seconds a 10-task high job and a 10-task low job take while a big low job runs. */
  private double[] smallJobsBesideABigOne() throws InterruptedException {
    String bigJob = submit("low", big);
    awaitSaturated(bigJob);
    long t0 = System.nanoTime();
    String high = submit("high", 10);
    String low = submit("low", 10);
    double highSeconds = secondsUntilFinished(high, t0);
    double lowSeconds = secondsUntilFinished(low, t0);
    System.out.printf(
        "  10-task jobs beside a saturating %d-task low job: high %.2f s, low %.2f s%n",
        big, highSeconds, lowSeconds);
    client.delete("/api/batch/jobs/" + bigJob);
    return new double[] {highSeconds, lowSeconds};
  }

  /** The share of tasks finished by each priority over ten seconds with all three backlogged. */
  private double[] sharesUnderContention() throws InterruptedException {
    List<String> jobs = List.of(submit("high", big), submit("normal", big), submit("low", big));
    awaitSaturated(jobs.get(2));
    Thread.sleep(3000);
    int[] before = finished(jobs);
    Thread.sleep(10_000);
    int[] after = finished(jobs);
    double total = 0;
    double[] done = new double[3];
    for (int i = 0; i < 3; i++) {
      done[i] = after[i] - before[i];
      total += done[i];
    }
    double[] shares = new double[3];
    for (int i = 0; i < 3; i++) {
      shares[i] = total == 0 ? 0 : done[i] / total;
    }
    System.out.printf(
        "  shares over 10 s with all three backlogged: high %.2f, normal %.2f, low %.2f (%.0f"
            + " tasks)%n",
        shares[0], shares[1], shares[2], total);
    for (String job : jobs) {
      client.delete("/api/batch/jobs/" + job);
    }
    return shares;
  }

  /** Milliseconds from the pause request to the start of the last task that started. */
  private long pauseToLastStart() throws InterruptedException {
    String job = submit("normal", big);
    awaitSaturated(job);
    Thread.sleep(2000);
    Instant paused = Instant.now();
    client.put("/api/batch/jobs/" + job + "/pause");
    // Quiet: nothing running and nothing finishing any more.
    int lastFinished = -1;
    while (true) {
      Thread.sleep(1000);
      JsonNode counts = client.job(job).get("counts");
      int finished = counts.get("succeeded").asInt() + counts.get("failed").asInt();
      if (counts.get("running").asInt() == 0 && finished == lastFinished) {
        break;
      }
      lastFinished = finished;
    }
    Instant lastStart = lastStart(job);
    long millis = Duration.between(paused, lastStart).toMillis();
    System.out.printf(
        "  pause: the last task started %d ms after the pause was requested%n", millis);
    client.put("/api/batch/jobs/" + job + "/resume");
    client.delete("/api/batch/jobs/" + job);
    return millis;
  }

  private Instant lastStart(String job) {
    Instant last = Instant.EPOCH;
    String after = "0";
    while (after != null) {
      JsonNode page =
          client.get("/api/batch/jobs/" + job + "/tasks?state=SUCCEEDED&limit=1000&after=" + after);
      for (JsonNode task : page.get("items")) {
        Instant started = Instant.parse(task.get("startedAt").asString());
        if (started.isAfter(last)) {
          last = started;
        }
      }
      JsonNode next = page.get("next");
      after = next == null || next.isNull() ? null : next.asString();
    }
    return last;
  }

  private String submit(String priority, int tasks) {
    List<Map<String, Object>> documents = new ArrayList<>(tasks);
    for (int i = 1; i <= tasks; i++) {
      documents.add(Map.of("id", "d" + i, "text", "x"));
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", "scheduling " + priority + " x" + tasks);
    job.put("priority", priority);
    job.put("processor", "simulate");
    job.put("options", Map.of("sleepMs", sleepMs));
    job.put("documents", documents);
    return client.submit(job).get("id").asString();
  }

  /** Waits until the job has finished tasks for two seconds in a row. */
  private void awaitSaturated(String job) throws InterruptedException {
    while (client.job(job).get("counts").get("succeeded").asInt() == 0) {
      Thread.sleep(200);
    }
    Thread.sleep(2000);
  }

  private double secondsUntilFinished(String job, long t0) throws InterruptedException {
    while (!client.job(job).get("state").asString().startsWith("COMPLETED")) {
      Thread.sleep(50);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private int[] finished(List<String> jobs) {
    int[] finished = new int[jobs.size()];
    for (int i = 0; i < jobs.size(); i++) {
      finished[i] = client.job(jobs.get(i)).get("counts").get("succeeded").asInt();
    }
    return finished;
  }
}
