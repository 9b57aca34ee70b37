package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.ProgressFidelity;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.client.ProgressEvent;
import io.findoc.batch.loadtests.client.ProgressWatch;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Scenario {@code progress} (issue 27): what a watcher of {@code GET /api/batch/jobs/{id}/stream}
 * sees against the truth, from the tasks' own finish times ({@link ProgressFidelity}). Three loads:
 * <b>steady</b>, 3,000 {@code simulate} tasks of 50 ms (about 300 tasks/s with two workers of 8
 * threads), and <b>fastest</b>, 1,000,000 no-op tasks (the no-op scenario's largest job, on which
 * the stack reaches its highest rate; points behind are a share of the job, so a short job at that
 * rate shows the intake's fixed lag of a second or so as more points), and <b>crowd</b>, the steady
 * load watched by 200 streams at once (the coordinator's reads for the streams per second are
 * reported: one per interval, not one per watcher). With {@code --smoke} 300 and 2,000 tasks and 20
 * watchers. After a 20,000-task no-op job, each load is run once to warm up, then {@code --repeats}
 * times; the figures are the medians of those runs.
 */
public final class ProgressFigures implements Scenario {

  private static final Duration LONGEST_JOB = Duration.ofMinutes(10);

  /** The no-op tasks run before the first load, as the no-op scenario's warm-up. */
  private static final int WARM_UP_TASKS = 20_000;

  /** Watchers of the crowded load: each stream must cost the coordinator nothing per watcher. */
  private static final int CROWD = 200;

  private record Load(
      String key, String what, int tasks, String processor, String options, int watchers) {}

  /**
   * @param readsPerSecond the coordinator's reads for the streams per second while the job ran
   * @param watchersEnded the watchers whose stream ended with the finished job
   * @param intakeAgeMs the mean age of a status batch's oldest report when the coordinator applied
   *     the batch: the part of the lag spent between the worker and the database
   */
  private record Measured(
      double tasksPerSecond,
      int events,
      ProgressFidelity fidelity,
      double readsPerSecond,
      int watchersEnded,
      double intakeAgeMs) {}

  @Override
  public String name() {
    return "progress";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    boolean smoke = run.options().smoke();
    List<Load> loads =
        List.of(
            new Load(
                "steady", "simulate 50 ms", smoke ? 300 : 3000, "simulate", "{\"sleepMs\":50}", 1),
            new Load("fastest", "noop", smoke ? 2000 : 1_000_000, "noop", "{}", 1),
            new Load(
                "crowd",
                "simulate 50 ms, " + CROWD + " watchers",
                smoke ? 300 : 3000,
                "simulate",
                "{\"sleepMs\":50}",
                smoke ? 20 : CROWD));
    Map<String, Object> figures = new LinkedHashMap<>();
    List<List<?>> csv = new ArrayList<>();
    List<String> charts = new ArrayList<>();
    if (!smoke) {
      // As the no-op scenario does: a fresh stack's JIT has not compiled the report path yet.
      run.drain("the warm-up of progress");
      System.out.printf("  warm-up: %,d no-op tasks%n", WARM_UP_TASKS);
      run.jobs().noop(WARM_UP_TASKS);
    }
    for (Load load : loads) {
      if (!smoke) {
        run.drain("the warm-up of progress " + load.key());
        measure(run, load, null);
      }
      List<Measured> runs = new ArrayList<>();
      for (int i = 1; i <= run.options().repeats(); i++) {
        run.drain("progress " + load.key() + " run " + i);
        List<Svg.Series> chart = i == run.options().repeats() ? new ArrayList<>() : null;
        Measured measured = measure(run, load, chart);
        runs.add(measured);
        csv.add(row(load, i, measured));
        print(run, load, i, measured);
        if (chart != null) {
          charts.add(
              Svg.lines(
                  "Progress shown against the truth: " + load.what() + ", " + load.tasks(),
                  "seconds since the first event",
                  "tasks finished",
                  chart));
        }
      }
      figures.putAll(medians(load.key(), runs));
    }
    run.results().csv("progress", header(), csv);
    run.results().html("progress", "Progress on the stream against the truth", charts);
    return figures;
  }

  private Measured measure(BenchRun run, Load load, List<Svg.Series> chart) throws Exception {
    String body =
        "{\"name\":\"bench progress "
            + load.key()
            + "\",\"processor\":\""
            + load.processor()
            + "\",\"options\":"
            + load.options()
            + ",\"documents\":"
            + documents(load.tasks())
            + "}";
    String id = run.client().submitJson(body.getBytes(StandardCharsets.UTF_8)).get("id").asString();
    Instant watchable = Instant.now();
    String metersBefore = meters(run);
    long t0 = System.nanoTime();
    List<ProgressWatch> watches = new ArrayList<>();
    List<ProgressEvent> events;
    int ended = 0;
    try {
      for (int i = 0; i < load.watchers(); i++) {
        watches.add(ProgressWatch.follow(run.client(), id));
      }
      events = watches.get(0).awaitEnd(LONGEST_JOB);
      for (ProgressWatch watch : watches) {
        List<ProgressEvent> seen = watch.awaitEnd(Duration.ofSeconds(30));
        if (!seen.isEmpty() && seen.get(seen.size() - 1).done() == load.tasks()) {
          ended++;
        }
      }
    } finally {
      watches.forEach(ProgressWatch::close);
    }
    String metersAfter = meters(run);
    double readsPerSecond =
        growth(metersBefore, metersAfter, "findoc_progress_reads_total")
            / ((System.nanoTime() - t0) / 1e9);
    double intakeAgeMs =
        1000
            * growth(metersBefore, metersAfter, "findoc_status_intake_age_seconds_sum")
            / growth(metersBefore, metersAfter, "findoc_status_intake_age_seconds_count");
    List<Instant> finishes = finishTimes(run, id);
    if (finishes.size() != load.tasks() || !FindocJobs.finished(run.client().job(id))) {
      throw new IllegalStateException(
          "job " + id + " ended with " + finishes.size() + " of " + load.tasks() + " finished");
    }
    ProgressFidelity fidelity = ProgressFidelity.of(finishes, events, watchable);
    Instant first = finishes.stream().min(Instant::compareTo).orElseThrow();
    Instant last = finishes.stream().max(Instant::compareTo).orElseThrow();
    double seconds = Math.max(0.001, Duration.between(first, last).toNanos() / 1e9);
    if (chart != null) {
      chart.addAll(series(finishes, events));
    }
    return new Measured(
        load.tasks() / seconds, events.size(), fidelity, readsPerSecond, ended, intakeAgeMs);
  }

  /** The coordinator's Prometheus page; null if it cannot be read. */
  private static String meters(BenchRun run) {
    try {
      return run.client().text("/actuator/prometheus");
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * How much a meter ({@code findoc_progress_reads_total}, say), summed over its tags, grew from
   * one page of {@link #meters} to a later one; NaN if it is on neither.
   */
  private static double growth(String before, String after, String name) {
    return meter(after, name) - meter(before, name);
  }

  private static double meter(String page, String name) {
    if (page == null) {
      return Double.NaN;
    }
    return page.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String documents(int tasks) {
    StringBuilder json = new StringBuilder(tasks * 28).append('[');
    for (int i = 1; i <= tasks; i++) {
      json.append(i > 1 ? "," : "").append("{\"id\":\"d").append(i).append("\",\"text\":\"x\"}");
    }
    return json.append(']').toString();
  }

  /** The finish time of every finished task of the job, as the workers reported it. */
  private static List<Instant> finishTimes(BenchRun run, String jobId) throws SQLException {
    List<Instant> finishes = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                run.options().db(), run.options().dbUser(), run.options().dbPassword());
        PreparedStatement query =
            c.prepareStatement(
                "SELECT finished_at FROM task WHERE job_id = CAST(? AS uuid)"
                    + " AND finished_at IS NOT NULL")) {
      query.setString(1, jobId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          finishes.add(rows.getTimestamp(1).toInstant());
        }
      }
    }
    return finishes;
  }

  /** Tasks shown and tasks truly finished at each event, in seconds since the first event. */
  private static List<Svg.Series> series(List<Instant> finishes, List<ProgressEvent> events) {
    List<Instant> sorted = finishes.stream().sorted().toList();
    Instant t0 = events.get(0).arrivedAt();
    List<double[]> shown = new ArrayList<>();
    List<double[]> truth = new ArrayList<>();
    int finished = 0;
    for (ProgressEvent event : events) {
      while (finished < sorted.size() && !sorted.get(finished).isAfter(event.arrivedAt())) {
        finished++;
      }
      double x = Math.max(0, Duration.between(t0, event.arrivedAt()).toNanos() / 1e9);
      shown.add(new double[] {x, event.done()});
      truth.add(new double[] {x, finished});
    }
    return List.of(new Svg.Series("shown", shown), new Svg.Series("finished", truth));
  }

  private static List<String> header() {
    return List.of(
        "load",
        "run",
        "tasks_per_s",
        "events",
        "events_per_s",
        "accuracy_mean",
        "accuracy_worst",
        "lag_p50_ms",
        "lag_p99_ms",
        "lag_max_ms",
        "points_behind",
        "eta_error_25",
        "eta_error_50",
        "eta_error_75",
        "watchers",
        "watchers_ended",
        "stream_reads_per_s",
        "intake_age_ms");
  }

  private static List<?> row(Load load, int run, Measured m) {
    ProgressFidelity f = m.fidelity();
    return List.of(
        load.key(),
        run,
        m.tasksPerSecond(),
        m.events(),
        f.eventsPerSecond(),
        f.accuracyMean(),
        f.accuracyWorst(),
        f.lagP50Ms(),
        f.lagP99Ms(),
        f.lagMaxMs(),
        f.pointsBehind(),
        f.etaError25(),
        f.etaError50(),
        f.etaError75(),
        load.watchers(),
        m.watchersEnded(),
        m.readsPerSecond(),
        m.intakeAgeMs());
  }

  private static void print(BenchRun run, Load load, int i, Measured m) {
    ProgressFidelity f = m.fidelity();
    run.results()
        .row(
            "progress",
            String.format(Locale.ROOT, "%s, %,d tasks, run %d", load.what(), load.tasks(), i),
            String.format(
                Locale.ROOT,
                "%,.0f tasks/s, %.1f events/s; accuracy mean %.3f worst %.3f; lag p50 %.0f ms"
                    + " p99 %.0f ms max %.0f ms; %.1f points behind; ETA error %.0f/%.0f/%.0f%%;"
                    + " %d/%d watchers ended, %.1f stream reads/s; status batches applied %.0f ms"
                    + " after their oldest report",
                m.tasksPerSecond(),
                f.eventsPerSecond(),
                f.accuracyMean(),
                f.accuracyWorst(),
                f.lagP50Ms(),
                f.lagP99Ms(),
                f.lagMaxMs(),
                f.pointsBehind(),
                100 * f.etaError25(),
                100 * f.etaError50(),
                100 * f.etaError75(),
                m.watchersEnded(),
                load.watchers(),
                m.readsPerSecond(),
                m.intakeAgeMs()));
  }

  private static Map<String, Object> medians(String key, List<Measured> runs) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put(key + "_tasks_per_s", median(runs, Measured::tasksPerSecond));
    figures.put(key + "_events_per_s", median(runs, m -> m.fidelity().eventsPerSecond()));
    figures.put(key + "_accuracy_mean", median(runs, m -> m.fidelity().accuracyMean()));
    figures.put(key + "_accuracy_worst", median(runs, m -> m.fidelity().accuracyWorst()));
    figures.put(key + "_lag_p50_ms", median(runs, m -> m.fidelity().lagP50Ms()));
    figures.put(key + "_lag_p99_ms", median(runs, m -> m.fidelity().lagP99Ms()));
    figures.put(key + "_points_behind", median(runs, m -> m.fidelity().pointsBehind()));
    figures.put(key + "_eta_error_25_pct", 100 * median(runs, m -> m.fidelity().etaError25()));
    figures.put(key + "_eta_error_50_pct", 100 * median(runs, m -> m.fidelity().etaError50()));
    figures.put(key + "_eta_error_75_pct", 100 * median(runs, m -> m.fidelity().etaError75()));
    figures.put(key + "_watchers_ended", watchers(runs));
    figures.put(key + "_stream_reads_per_s", median(runs, Measured::readsPerSecond));
    figures.put(key + "_intake_age_ms", median(runs, Measured::intakeAgeMs));
    return figures;
  }

  /** The fewest watchers that saw their stream end, over the runs. */
  private static int watchers(List<Measured> runs) {
    return runs.stream().mapToInt(Measured::watchersEnded).min().orElse(0);
  }

  private static double median(List<Measured> runs, ToDoubleFunction<Measured> figure) {
    return Stats.of(runs.stream().mapToDouble(figure).toArray()).median();
  }
}
