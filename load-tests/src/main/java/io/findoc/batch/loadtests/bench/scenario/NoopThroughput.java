package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.CoordinatorProfile;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.bench.sampling.HeapSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 1: end-to-end throughput of one job of {@code noop} tasks per size in {@code --tasks}
 * (from the start of the submission to the last result), after a warm-up job; each size {@code
 * --repeats} times. Per run: the submission time, the coordinator's heap sampled all along (it must
 * stay flat), and the database transactions per task ({@code xact_commit} delta / tasks). With
 * {@code --profile}, one more run of the largest size, after the measured ones and not counted, is
 * recorded with JFR and its hot methods printed.
 */
public final class NoopThroughput implements Scenario {

  @Override
  public String name() {
    return "noop";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    FindocJobs jobs = run.jobs();
    List<Integer> sizes = run.options().tasks();
    int warmUp = Math.min(sizes.get(0), run.options().smoke() ? 200 : 20_000);
    System.out.printf("  warm-up: %d tasks%n", warmUp);
    jobs.noop(warmUp);

    List<List<?>> rows = new ArrayList<>();
    List<String> charts = new ArrayList<>();
    Map<String, Object> figures = new LinkedHashMap<>();
    int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    for (int size : sizes) {
      List<Double> rates = new ArrayList<>();
      List<Double> submits = new ArrayList<>();
      List<Double> xacts = new ArrayList<>();
      List<Double> liveMax = new ArrayList<>();
      List<Double> liveGrowth = new ArrayList<>();
      List<Svg.Series> heapSeries = new ArrayList<>();
      boolean profiling = run.options().profile() && size == largest;
      for (int r = 1; r <= run.options().repeats() + (profiling ? 1 : 0); r++) {
        // The profiled run comes after the measured ones and does not count: JFR slows it.
        boolean profiled = profiling && r > run.options().repeats();
        CoordinatorProfile profile =
            profiled
                ? CoordinatorProfile.start(
                    run.pidOf("coordinator"),
                    run.results().folder().resolve("coordinator-noop-" + size + ".jfr"))
                : null;
        run.drain(String.format(Locale.ROOT, "no-op run %d of %,d tasks", r, size));
        long commitsBefore = run.counters().commits();
        FindocJobs.Timing timing;
        HeapSampler heap = HeapSampler.start(run.client());
        try {
          timing = jobs.noop(size);
        } finally {
          heap.close();
        }
        if (!timing.state().equals("COMPLETED") || timing.succeeded() != size) {
          throw new IllegalStateException(
              "job " + timing.id() + " ended " + timing.state() + " with " + timing.succeeded());
        }
        if (profile != null) {
          run.results()
              .text(
                  "coordinator-noop-" + size + "-hot-methods.txt",
                  String.join("\n", profile.stopAndPrint(25)) + "\n");
        }
        if (profiled) {
          run.results()
              .row(
                  "noop",
                  String.format(Locale.ROOT, "%,d tasks, profiled run (not counted)", size),
                  String.format(
                      Locale.ROOT,
                      "%s %.0f tasks/s end to end under JFR",
                      timing.state(),
                      timing.perSecond()));
          continue;
        }
        Thread.sleep(1500); // the backends flush their statistics about once a second
        long commitsAfter = run.counters().commits();
        double xactPerTask =
            commitsBefore < 0 || commitsAfter < 0
                ? Double.NaN
                : (double) (commitsAfter - commitsBefore) / size;
        rates.add(timing.perSecond());
        submits.add(timing.submitSeconds());
        xacts.add(xactPerTask);
        liveMax.add(heap.maxLiveMb());
        liveGrowth.add(heap.liveGrowthMb());
        heapSeries.add(new Svg.Series("run " + r + " used", heap.used()));
        heapSeries.add(new Svg.Series("run " + r + " old gen", heap.live()));
        rows.add(
            List.of(
                size,
                r,
                timing.state(),
                timing.submitSeconds(),
                timing.seconds(),
                timing.perSecond(),
                timing.perSecondAfterSubmit(),
                heap.maxUsedMb(),
                heap.maxLiveMb(),
                heap.liveGrowthMb(),
                xactPerTask));
        run.results()
            .row(
                "noop",
                String.format(Locale.ROOT, "%,d tasks, run %d", size, r),
                String.format(
                    Locale.ROOT,
                    "%s %.0f tasks/s end to end (%.0f/s after a %.1f s submission),"
                        + " old gen max %.0f MB (growth %.0f MB), %.2f db transactions/task",
                    timing.state(),
                    timing.perSecond(),
                    timing.perSecondAfterSubmit(),
                    timing.submitSeconds(),
                    heap.maxLiveMb(),
                    heap.liveGrowthMb(),
                    xactPerTask));
      }
      Stats rate = Stats.of(rates);
      if (size == largest) {
        run.maxNoopRate(rate.median());
      }
      figures.put("tasks_" + size + "_per_s", rate.median());
      figures.put("tasks_" + size + "_spread", rate.spread());
      figures.put("tasks_" + size + "_submit_s", Stats.of(submits).median());
      figures.put("tasks_" + size + "_old_gen_max_mb", Stats.of(liveMax).max());
      figures.put("tasks_" + size + "_old_gen_growth_mb", Stats.of(liveGrowth).max());
      figures.put("tasks_" + size + "_xact_per_task", Stats.of(xacts).median());
      charts.add(
          Svg.lines(
              String.format(Locale.ROOT, "Coordinator heap, %,d tasks", size),
              "seconds",
              "MB",
              heapSeries));
    }
    run.results()
        .csv(
            "noop",
            List.of(
                "tasks",
                "run",
                "state",
                "submit_s",
                "e2e_s",
                "tasks_per_s",
                "after_submit_per_s",
                "heap_used_max_mb",
                "old_gen_max_mb",
                "old_gen_growth_mb",
                "xact_per_task"),
            rows);
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int size : sizes) {
      labels.add(String.format(Locale.ROOT, "%,d tasks", size));
      values.add((Double) figures.get("tasks_" + size + "_per_s"));
    }
    charts.add(
        0, Svg.bars("No-op tasks per second, end to end (median)", "tasks/s", labels, values));
    run.results().html("noop", "No-op throughput", charts);
    figures.put("repeats", run.options().repeats());
    return figures;
  }
}
