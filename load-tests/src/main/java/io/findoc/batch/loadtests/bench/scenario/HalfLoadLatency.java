package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.load.ArrivalSchedule;
import io.findoc.batch.loadtests.bench.load.OpenModelLoad;
import io.findoc.batch.loadtests.bench.load.SaturationProbe;
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
import tools.jackson.databind.JsonNode;

/**
 * Scenario 2: latency at half load. Small {@code noop} jobs arrive at a fixed rate whatever the
 * answers ({@link OpenModelLoad}: sent asynchronously at times fixed in advance, so a slow answer
 * never delays an arrival), together half the maximum of that job shape, measured first in a closed
 * loop ({@link SaturationProbe}; {@code --latency-rate} gives the load instead). After a warm-up
 * period, jobs submitted in the measurement window are looked up and, per task, the times from the
 * moment its submission was <em>due</em> to the task's start and to its end are taken ({@code
 * startedAt}, {@code finishedAt} from the API; one clock on this machine): the time a submission
 * waited to be accepted counts. Refusals (429, honoured by their Retry-After) and failed
 * submissions are counted and reported.
 */
public final class HalfLoadLatency implements Scenario {

  private static final int TASKS_PER_JOB = 20;
  private static final int JOBS_LOOKED_UP = 400;
  private static final int MAX_IN_FLIGHT = 2000;
  private static final int MAX_ATTEMPTS = 10;
  private static final int SUBMITTERS = 8;

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    boolean smoke = run.options().smoke();
    double max;
    SaturationProbe.Saturation saturation = null;
    if (run.options().latencyRate() > 0) {
      max = 2 * run.options().latencyRate();
      System.out.printf("  load given: %.0f tasks/s%n", run.options().latencyRate());
    } else {
      saturation = saturate(run, smoke);
      max = saturation.tasksPerSecond();
    }
    double tasksPerSecond = max / 2;
    double jobsPerSecond = tasksPerSecond / TASKS_PER_JOB;
    Duration warmUp = Duration.ofSeconds(smoke ? 1 : 10);
    Duration window = Duration.ofSeconds(smoke ? 3 : 30);
    ArrivalSchedule schedule =
        ArrivalSchedule.at(jobsPerSecond, warmUp, window, Instant.now().plusMillis(200));
    System.out.printf(
        "  open model: %.1f jobs/s of %d tasks (%.0f tasks/s, half of %.0f) for %d s + %d s"
            + " warm-up, %d submissions%n",
        jobsPerSecond,
        TASKS_PER_JOB,
        tasksPerSecond,
        max,
        window.toSeconds(),
        warmUp.toSeconds(),
        schedule.total());

    OpenModelLoad.Outcome outcome =
        new OpenModelLoad(run.client(), MAX_IN_FLIGHT, MAX_ATTEMPTS)
            .run(FindocJobs.noopBody(TASKS_PER_JOB), schedule, Duration.ofMinutes(2));
    System.out.printf(
        "  sent %d, accepted %d, refused (429) %d times, failed %d %s; the sender was at worst"
            + " %d ms late%n",
        outcome.sent(),
        outcome.accepted(),
        outcome.refusals(),
        outcome.failed(),
        outcome.failures(),
        outcome.latestSend().toMillis());

    List<OpenModelLoad.Submission> accepted =
        outcome.measured().stream().filter(s -> s.jobId() != null).toList();
    List<OpenModelLoad.Submission> sample = spread(accepted, JOBS_LOOKED_UP);
    Latencies latencies = lookUp(run.client(), sample, Duration.ofMinutes(smoke ? 1 : 5));
    if (latencies.toStart.isEmpty()) {
      throw new IllegalStateException(
          "no job of the measurement window was accepted, started and finished: sent "
              + outcome.sent()
              + ", accepted "
              + outcome.accepted()
              + ", refusals "
              + outcome.refusals()
              + ", failures "
              + outcome.failures()
              + ", "
              + latencies.unfinished
              + " looked-up jobs unfinished");
    }
    Stats start = Stats.of(latencies.toStart);
    Stats end = Stats.of(latencies.toEnd);
    Stats accept = Stats.of(latencies.toCreated);
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < latencies.toEnd.size(); i++) {
      rows.add(
          List.of(
              i < latencies.toStart.size() ? latencies.toStart.get(i) : "",
              latencies.toEnd.get(i)));
    }
    run.results().csv("latency", List.of("due_to_start_ms", "due_to_complete_ms"), rows);
    run.results()
        .html(
            "latency",
            "Latency at half load",
            List.of(
                Svg.lines(
                    String.format(
                        Locale.ROOT,
                        "Latency percentiles from the time a submission was due, %.0f tasks/s in"
                            + " jobs of %d",
                        tasksPerSecond,
                        TASKS_PER_JOB),
                    "percentile",
                    "ms",
                    List.of(
                        new Svg.Series("submit to start", percentiles(latencies.toStart)),
                        new Svg.Series("submit to complete", percentiles(latencies.toEnd))))));
    run.results()
        .row(
            "latency",
            String.format(Locale.ROOT, "%.0f tasks/s (half of %.0f)", tasksPerSecond, max),
            String.format(
                Locale.ROOT,
                "submit to start p50 %.0f ms p99 %.0f ms; to complete p50 %.0f ms p99 %.0f ms;"
                    + " accepted after p99 %.0f ms (%d jobs in the window, %d looked up, %d"
                    + " unfinished, %d tasks without a start time; %d refusals, %d failed)",
                start.percentile(50),
                start.percentile(99),
                end.percentile(50),
                end.percentile(99),
                accept.percentile(99),
                outcome.measured().size(),
                sample.size(),
                latencies.unfinished,
                latencies.notStarted,
                outcome.refusals(),
                outcome.failed()));
    if (outcome.refusals() > 0 || outcome.failed() > 0) {
      System.out.println(
          "  NOTE: the coordinator refused or lost submissions: the load was not the one planned;"
              + " raise findoc.security.requests-per-second for a bench, or see the failures"
              + " above");
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rate_tasks_per_s", tasksPerSecond);
    figures.put("max_tasks_per_s", max);
    if (saturation != null) {
      figures.put("max_jobs_per_s", saturation.jobsPerSecond());
      figures.put("max_probe_jobs_unfinished", saturation.unfinished());
    }
    run.maxNoopRate().ifPresent(rate -> figures.put("noop_max_tasks_per_s", rate));
    figures.put("tasks_per_job", TASKS_PER_JOB);
    figures.put("jobs", outcome.measured().size());
    figures.put("sent", outcome.sent());
    figures.put("accepted", outcome.accepted());
    figures.put("refused", outcome.refusals());
    figures.put("failed", outcome.failed());
    figures.put("sender_late_max_ms", outcome.latestSend().toMillis());
    figures.put("start_p50_ms", start.percentile(50));
    figures.put("start_p99_ms", start.percentile(99));
    figures.put("complete_p50_ms", end.percentile(50));
    figures.put("complete_p99_ms", end.percentile(99));
    figures.put("accept_p99_ms", accept.percentile(99));
    figures.put("jobs_unfinished", latencies.unfinished);
    figures.put("tasks_without_start", latencies.notStarted);
    return figures;
  }

  /**
   * The maximum of this scenario's job shape, measured here in a closed loop ({@link
   * SaturationProbe}) after a short warm-up probe: small jobs cost more per task than the large
   * jobs of the no-op scenario (a request, a job row, its events), so half of the large-job rate
   * would overload the stack and measure its queue instead of its latency.
   */
  private static SaturationProbe.Saturation saturate(BenchRun run, boolean smoke)
      throws InterruptedException {
    SaturationProbe probe = new SaturationProbe(run.client(), SUBMITTERS);
    byte[] body = FindocJobs.noopBody(TASKS_PER_JOB);
    Duration wait = Duration.ofMinutes(smoke ? 1 : 5);
    if (!smoke) {
      probe.run(body, TASKS_PER_JOB, Duration.ofSeconds(5), wait); // warm-up
      run.drain("the saturation probe");
    }
    SaturationProbe.Saturation saturation =
        probe.run(body, TASKS_PER_JOB, Duration.ofSeconds(smoke ? 2 : 20), wait);
    System.out.printf(
        "  maximum of %d-task jobs, closed loop of %d submitters: %.0f tasks/s (%.1f jobs/s;"
            + " %d jobs in %.1f s, %d unfinished)%n",
        TASKS_PER_JOB,
        SUBMITTERS,
        saturation.tasksPerSecond(),
        saturation.jobsPerSecond(),
        saturation.jobs(),
        saturation.seconds(),
        saturation.unfinished());
    run.drain("the latency scenario");
    return saturation;
  }

  /** Milliseconds from the time each looked-up submission was due. */
  private static final class Latencies {
    final List<Double> toStart = new ArrayList<>();
    final List<Double> toEnd = new ArrayList<>();
    final List<Double> toCreated = new ArrayList<>();
    int notStarted;
    int unfinished;
  }

  /**
   * Waits (all together, until {@code wait} has passed) for the jobs of {@code sample} to finish
   * and takes their tasks' times; a job still unfinished then is counted, and left to the drain.
   */
  private static Latencies lookUp(
      FindocClient client, List<OpenModelLoad.Submission> sample, Duration wait)
      throws InterruptedException {
    Latencies latencies = new Latencies();
    long deadline = System.nanoTime() + wait.toNanos();
    for (OpenModelLoad.Submission submission : sample) {
      JsonNode job = client.job(submission.jobId());
      while (!FindocJobs.finished(job) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        job = client.job(submission.jobId());
      }
      if (!FindocJobs.finished(job)) {
        latencies.unfinished++;
        continue;
      }
      Instant due = submission.due();
      latencies.toCreated.add(millis(due, Instant.parse(job.get("createdAt").asString())));
      JsonNode tasks = client.get("/api/batch/jobs/" + submission.jobId() + "/tasks?limit=1000");
      for (JsonNode task : tasks.get("items")) {
        JsonNode started = task.get("startedAt");
        if (started == null || started.isNull()) {
          latencies.notStarted++;
        } else {
          latencies.toStart.add(millis(due, Instant.parse(started.asString())));
        }
        latencies.toEnd.add(millis(due, Instant.parse(task.get("finishedAt").asString())));
      }
    }
    return latencies;
  }

  private static <T> List<T> spread(List<T> items, int most) {
    if (items.size() <= most) {
      return items;
    }
    List<T> kept = new ArrayList<>(most);
    for (int i = 0; i < most; i++) {
      kept.add(items.get((int) ((long) i * items.size() / most)));
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
