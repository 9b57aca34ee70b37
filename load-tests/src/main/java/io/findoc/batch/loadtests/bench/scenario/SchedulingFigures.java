package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.client.FindocClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 4, the scheduling figures, with {@code simulate} tasks of 20 ms each: how long a 10-task
 * job takes while a big low-priority job saturates the workers (high priority, and low like the big
 * one), the share of the workers each priority gets when all three have a backlog, and the time
 * from {@code pause} to the last task that started (a big job of 20,000 tasks, windows of 10 s;
 * with {@code --smoke} 2,000 tasks and 1 s; -1 ms if the job ended before it could be paused).
 */
public final class SchedulingFigures implements Scenario {

  private FindocClient client;
  private final int sleepMs = 20;
  private int big;
  private long settleMs;
  private long windowMs;

  @Override
  public String name() {
    return "scheduling";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws InterruptedException {
    boolean smoke = run.options().smoke();
    client = run.client();
    big = smoke ? 2000 : 20_000;
    settleMs = smoke ? 300 : 2000;
    windowMs = smoke ? 1000 : 10_000;
    double[] smallJobs = smallJobsBesideABigOne();
    run.drain("the priority shares");
    double[] shares = sharesUnderContention();
    run.drain("the pause figure");
    long pauseMs = pauseToLastStart();
    run.results()
        .csv(
            "scheduling",
            List.of(
                "sleep_ms",
                "big_job_tasks",
                "high_10_task_job_s",
                "low_10_task_job_s",
                "share_high",
                "share_normal",
                "share_low",
                "pause_to_last_start_ms"),
            List.of(
                List.of(
                    sleepMs,
                    big,
                    smallJobs[0],
                    smallJobs[1],
                    shares[0],
                    shares[1],
                    shares[2],
                    pauseMs)));
    run.results()
        .html(
            "scheduling",
            "Fairness and pause",
            List.of(
                Svg.bars(
                    "10-task jobs beside a saturating low job",
                    "seconds",
                    List.of("high", "low"),
                    List.of(smallJobs[0], smallJobs[1])),
                Svg.bars(
                    "Share of the workers with all three priorities backlogged",
                    "share",
                    List.of("high", "normal", "low"),
                    List.of(shares[0], shares[1], shares[2]))));
    run.results()
        .row(
            "scheduling",
            "simulate " + sleepMs + " ms, big job " + big,
            String.format(
                java.util.Locale.ROOT,
                "10-task high %.2f s, low %.2f s; shares %.2f/%.2f/%.2f; pause to last start"
                    + " %d ms",
                smallJobs[0],
                smallJobs[1],
                shares[0],
                shares[1],
                shares[2],
                pauseMs));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("sleep_ms", sleepMs);
    figures.put("high_10_task_job_s", smallJobs[0]);
    figures.put("low_10_task_job_s", smallJobs[1]);
    figures.put("share_high", shares[0]);
    figures.put("share_normal", shares[1]);
    figures.put("share_low", shares[2]);
    figures.put("pause_to_last_start_ms", pauseMs);
    return figures;
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
    cancel(bigJob);
    return new double[] {highSeconds, lowSeconds};
  }

  /** The share of tasks finished by each priority over ten seconds with all three backlogged. */
  private double[] sharesUnderContention() throws InterruptedException {
    List<String> jobs = List.of(submit("high", big), submit("normal", big), submit("low", big));
    awaitSaturated(jobs.get(2));
    Thread.sleep(settleMs);
    int[] before = finished(jobs);
    Thread.sleep(windowMs);
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
        "  shares over the window with all three backlogged: high %.2f, normal %.2f, low %.2f (%.0f"
            + " tasks)%n",
        shares[0], shares[1], shares[2], total);
    for (String job : jobs) {
      cancel(job);
    }
    return shares;
  }

  /** Milliseconds from the pause request to the start of the last task that started. */
  private long pauseToLastStart() throws InterruptedException {
    String job = submit("normal", big);
    awaitSaturated(job);
    Thread.sleep(settleMs);
    Instant paused = Instant.now();
    try {
      client.put("/api/batch/jobs/" + job + "/pause");
    } catch (FindocClient.ApiException e) {
      System.out.println("  pause refused (the job is too small for this machine): " + e);
      return -1;
    }
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
    cancel(job);
    return millis;
  }

  /** Cancels a job unless it has finished already (a small one may have, with --smoke). */
  private void cancel(String job) {
    if (!Set.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED")
        .contains(client.job(job).get("state").asString())) {
      try {
        client.delete("/api/batch/jobs/" + job);
      } catch (FindocClient.ApiException e) {
        System.out.println("  (job " + job + " finished meanwhile: " + e.getMessage() + ")");
      }
    }
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

  /** Waits until the job has finished tasks, and then a little longer. */
  private void awaitSaturated(String job) throws InterruptedException {
    while (client.job(job).get("counts").get("succeeded").asInt() == 0) {
      Thread.sleep(200);
    }
    Thread.sleep(settleMs);
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
