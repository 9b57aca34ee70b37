package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.client.FindocClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 2: latency at half load. Small {@code noop} jobs arrive at a fixed rate whatever the
 * answers (an open model: a send never waits for the one before), together half the no-op rate
 * measured by the no-op scenario in this run (or by a short job here, if it did not run). After a
 * warm-up period, the jobs submitted in the measurement window are looked up and, per task, the
 * times from the job's creation to the task's start and to its end are taken from the API's own
 * timestamps ({@code createdAt}, {@code startedAt}, {@code finishedAt}; one clock, the
 * coordinator's and the workers' on this machine).
 */
public final class HalfLoadLatency implements Scenario {

  private static final int TASKS_PER_JOB = 20;
  private static final int JOBS_LOOKED_UP = 400;

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    boolean smoke = run.options().smoke();
    double max;
    if (run.maxNoopRate().isPresent()) {
      max = run.maxNoopRate().getAsDouble();
    } else {
      int probe = smoke ? 1000 : 50_000;
      run.jobs().noop(probe / 5); // warm-up
      max = run.jobs().noop(probe).perSecond();
      System.out.printf("  maximum measured here with %,d tasks: %.0f tasks/s%n", probe, max);
    }
    double tasksPerSecond = max / 2;
    double jobsPerSecond = tasksPerSecond / TASKS_PER_JOB;
    Duration warmUp = Duration.ofSeconds(smoke ? 1 : 10);
    Duration window = Duration.ofSeconds(smoke ? 3 : 30);
    System.out.printf(
        "  open model: %.1f jobs/s of %d tasks (%.0f tasks/s, half of %.0f) for %d s + %d s"
            + " warm-up%n",
        jobsPerSecond, TASKS_PER_JOB, tasksPerSecond, max, window.toSeconds(), warmUp.toSeconds());

    List<String> measured = send(run.client(), jobsPerSecond, warmUp, window);
    List<Double> toStart = new ArrayList<>();
    List<Double> toEnd = new ArrayList<>();
    int[] notStarted = {0};
    List<String> sample = spread(measured, JOBS_LOOKED_UP);
    for (String id : sample) {
      JsonNode job = awaitFinished(run.client(), id);
      Instant created = Instant.parse(job.get("createdAt").asString());
      JsonNode tasks = run.client().get("/api/batch/jobs/" + id + "/tasks?limit=1000");
      for (JsonNode task : tasks.get("items")) {
        JsonNode started = task.get("startedAt");
        if (started == null || started.isNull()) {
          notStarted[0]++;
        } else {
          toStart.add(millis(created, Instant.parse(started.asString())));
        }
        toEnd.add(millis(created, Instant.parse(task.get("finishedAt").asString())));
      }
    }
    Stats start = Stats.of(toStart);
    Stats end = Stats.of(toEnd);
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < toEnd.size(); i++) {
      rows.add(List.of(i < toStart.size() ? toStart.get(i) : "", toEnd.get(i)));
    }
    run.results().csv("latency", List.of("submit_to_start_ms", "submit_to_complete_ms"), rows);
    run.results()
        .html(
            "latency",
            "Latency at half load",
            List.of(
                Svg.lines(
                    String.format(
                        Locale.ROOT,
                        "Latency percentiles, %.0f tasks/s in jobs of %d",
                        tasksPerSecond,
                        TASKS_PER_JOB),
                    "percentile",
                    "ms",
                    List.of(
                        new Svg.Series("submit to start", percentiles(toStart)),
                        new Svg.Series("submit to complete", percentiles(toEnd))))));
    run.results()
        .row(
            "latency",
            String.format(Locale.ROOT, "%.0f tasks/s (half of %.0f)", tasksPerSecond, max),
            String.format(
                Locale.ROOT,
                "submit to start p50 %.0f ms p99 %.0f ms; to complete p50 %.0f ms p99 %.0f ms"
                    + " (%d jobs sent, %d looked up, %d tasks without a start time)",
                start.percentile(50),
                start.percentile(99),
                end.percentile(50),
                end.percentile(99),
                measured.size(),
                sample.size(),
                notStarted[0]));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rate_tasks_per_s", tasksPerSecond);
    figures.put("max_tasks_per_s", max);
    figures.put("tasks_per_job", TASKS_PER_JOB);
    figures.put("jobs", measured.size());
    figures.put("start_p50_ms", start.percentile(50));
    figures.put("start_p99_ms", start.percentile(99));
    figures.put("complete_p50_ms", end.percentile(50));
    figures.put("complete_p99_ms", end.percentile(99));
    figures.put("tasks_without_start", notStarted[0]);
    return figures;
  }

  /** Sends jobs at a fixed rate; answers the ids of those sent after the warm-up. */
  private static List<String> send(
      FindocClient client, double jobsPerSecond, Duration warmUp, Duration window)
      throws InterruptedException {
    byte[] body = FindocJobs.noopBody(TASKS_PER_JOB);
    long periodNanos = (long) (1e9 / jobsPerSecond);
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long stopAt = measureFrom + window.toNanos();
    ConcurrentLinkedQueue<CompletableFuture<String>> inWindow = new ConcurrentLinkedQueue<>();
    AtomicInteger failures = new AtomicInteger();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    clock.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          if (now >= stopAt) {
            return;
          }
          CompletableFuture<String> id =
              client
                  .submitJsonAsync(body)
                  .thenApply(job -> job.get("id").asString())
                  .exceptionally(
                      e -> {
                        failures.incrementAndGet();
                        return null;
                      });
          if (now >= measureFrom) {
            inWindow.add(id);
          }
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    Thread.sleep(Duration.ofNanos(stopAt - System.nanoTime()).toMillis() + 1);
    clock.shutdown();
    clock.awaitTermination(10, TimeUnit.SECONDS);
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<String> id : inWindow) {
      String value = id.join();
      if (value != null) {
        ids.add(value);
      }
    }
    if (failures.get() > 0) {
      System.out.printf("  %d submissions failed%n", failures.get());
    }
    return ids;
  }

  private static JsonNode awaitFinished(FindocClient client, String id)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      JsonNode job = client.job(id);
      if (job.get("finishedAt") != null && !job.get("finishedAt").isNull()) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("job " + id + " did not finish within 5 minutes");
      }
      Thread.sleep(100);
    }
  }

  private static List<String> spread(List<String> ids, int most) {
    if (ids.size() <= most) {
      return ids;
    }
    List<String> kept = new ArrayList<>(most);
    for (int i = 0; i < most; i++) {
      kept.add(ids.get((int) ((long) i * ids.size() / most)));
    }
    return kept;
  }

  private static List<double[]> percentiles(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    List<double[]> points = new ArrayList<>();
    for (int p = 1; p <= 100; p++) {
      int i = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
      points.add(new double[] {p, sorted.isEmpty() ? 0 : sorted.get(i)});
    }
    return points;
  }

  private static double millis(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
