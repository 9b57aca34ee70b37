package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.CoordinatorProfile;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.bench.sampling.HeapSampler;
import io.findoc.batch.loadtests.bench.sampling.ProcessSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 1: end-to-end throughput of one job of {@code noop} tasks per size in {@code --tasks}
 * (from the start of the submission to the last result), after a warm-up job; each size {@code
 * --repeats} times. Per run: the submission time, the coordinator's heap sampled all along (it must
 * stay flat), the database transactions per task ({@code xact_commit} delta / tasks), the WAL bytes
 * per task, and the CPU per task of each process of the stack (its {@code /proc} ticks over the
 * run, the workers summed). With {@code --profile}, one more run of the largest size, after the
 * measured ones and not counted, is recorded with JFR and its hot methods printed.
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
      List<Double> walPerTask = new ArrayList<>();
      Map<String, List<Double>> cpuPerTask = new LinkedHashMap<>();
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
        long walBefore = run.counters().walBytes();
        Map<String, Long> ticksBefore = ProcessSampler.ticks(run.options().var());
        FindocJobs.Timing timing;
        HeapSampler heap = HeapSampler.start(run.client());
        try {
          timing = jobs.noop(size);
        } finally {
          heap.close();
        }
        Map<String, Double> cpu = cpuMicrosPerTask(ticksBefore, run, size);
        long walAfter = run.counters().walBytes();
        double walBytesPerTask =
            walBefore < 0 || walAfter < 0 ? Double.NaN : (double) (walAfter - walBefore) / size;
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
        walPerTask.add(walBytesPerTask);
        cpu.forEach(
            (name, micros) -> cpuPerTask.computeIfAbsent(name, k -> new ArrayList<>()).add(micros));
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
                xactPerTask,
                walBytesPerTask,
                cpu.getOrDefault("coordinator", Double.NaN),
                cpu.getOrDefault("postgres", Double.NaN),
                cpu.getOrDefault("kafka", Double.NaN),
                cpu.getOrDefault("workers", Double.NaN),
                cpu.getOrDefault("bench", Double.NaN)));
        run.results()
            .row(
                "noop",
                String.format(Locale.ROOT, "%,d tasks, run %d", size, r),
                String.format(
                    Locale.ROOT,
                    "%s %.0f tasks/s end to end (%.0f/s after a %.1f s submission),"
                        + " old gen max %.0f MB (growth %.0f MB), %.3f db transactions/task,"
                        + " %.0f WAL bytes/task, CPU µs/task %s",
                    timing.state(),
                    timing.perSecond(),
                    timing.perSecondAfterSubmit(),
                    timing.submitSeconds(),
                    heap.maxLiveMb(),
                    heap.liveGrowthMb(),
                    xactPerTask,
                    walBytesPerTask,
                    describe(cpu)));
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
      figures.put("tasks_" + size + "_wal_bytes_per_task", Stats.of(walPerTask).median());
      cpuPerTask.forEach(
          (name, micros) ->
              figures.put(
                  "tasks_" + size + "_" + name + "_cpu_us_per_task", Stats.of(micros).median()));
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
                "xact_per_task",
                "wal_bytes_per_task",
                "coordinator_cpu_us_per_task",
                "postgres_cpu_us_per_task",
                "kafka_cpu_us_per_task",
                "workers_cpu_us_per_task",
                "bench_cpu_us_per_task"),
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

  /**
   * CPU per task of each process since {@code before}, in µs: the coordinator, PostgreSQL (server
   * and backends), the broker, the workers summed, the bench's own JVM, and all of them.
   */
  private static Map<String, Double> cpuMicrosPerTask(
      Map<String, Long> before, BenchRun run, int tasks) {
    Map<String, Long> after = ProcessSampler.ticks(run.options().var());
    Map<String, Double> micros = new LinkedHashMap<>();
    double total = 0;
    for (Map.Entry<String, Long> process : after.entrySet()) {
      Long was = before.get(process.getKey());
      if (was == null) {
        continue;
      }
      // A tick is a hundredth of a second: 10,000 µs.
      double perTask = (process.getValue() - was) * 10_000.0 / tasks;
      String name = process.getKey().startsWith("worker-") ? "workers" : process.getKey();
      micros.merge(name, perTask, Double::sum);
      total += perTask;
    }
    micros.put("all", total);
    return micros;
  }

  private static String describe(Map<String, Double> micros) {
    List<String> parts = new ArrayList<>();
    micros.forEach((name, value) -> parts.add(String.format(Locale.ROOT, "%s %.1f", name, value)));
    return String.join(", ", parts);
  }
}
