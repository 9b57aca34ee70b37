package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 3: parallel speed-up on real documents. The generated corpus is analysed by a plain loop
 * on one thread, then by FinDoc ({@code findoc.analyze}) with 1, 2 and 4 worker processes; then the
 * same with simulated I/O ({@code simulate} with a sleep per document) against a loop that sleeps
 * as long per document. Each is warmed until it stops getting faster ({@link WarmUp}), then
 * measured {@code --repeats} times. Speed-up = loop time / FinDoc time; ideal = the cores for the
 * CPU-bound corpus (no more threads can run at once), the processor threads for the I/O one.
 */
public final class DocumentSpeedup implements Scenario {

  /** Each configuration warms until it stops getting faster, for at most 12 runs or 4 minutes. */
  private static final WarmUp WARM_UP = new WarmUp(12, Duration.ofMinutes(4));

  @Override
  public String name() {
    return "speedup";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    boolean smoke = run.options().smoke();
    int documents = run.options().documents();
    int sleepMs = smoke ? 5 : 20;
    int cores = Runtime.getRuntime().availableProcessors();
    List<Integer> counts =
        smoke || !run.canScaleWorkers() ? List.of(run.options().workers()) : List.of(1, 2, 4);
    Corpus corpus = Corpus.generate(run.documents("bench-corpus"), documents);

    if (!smoke) {
      WarmUp.Outcome warm = WARM_UP.run(corpus::sequentialSeconds);
      System.out.println("  sequential loop: " + warm.describe());
    }
    List<Double> loop = new ArrayList<>();
    for (int r = 0; r < run.options().repeats(); r++) {
      loop.add(corpus.sequentialSeconds());
    }
    double sequential = Stats.of(loop).median();
    long t0 = System.nanoTime();
    for (int i = 0; i < documents; i++) {
      Thread.sleep(sleepMs);
    }
    double sequentialIo = (System.nanoTime() - t0) / 1e9;
    run.results()
        .row(
            "speedup",
            "sequential loop, one thread",
            String.format(
                Locale.ROOT,
                "%d documents in %.2f s (%.0f/s, spread %.0f%%); %d sleeps of %d ms in %.2f s",
                documents,
                sequential,
                documents / sequential,
                100 * Stats.of(loop).spread(),
                documents,
                sleepMs,
                sequentialIo));

    List<List<?>> rows = new ArrayList<>();
    rows.add(List.of("cpu", 0, sequential, documents / sequential, 1.0, ""));
    rows.add(List.of("io", 0, sequentialIo, documents / sequentialIo, 1.0, ""));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("documents", documents);
    figures.put("sequential_s", sequential);
    List<String> labels = new ArrayList<>(List.of("loop"));
    List<Double> cpuSpeedups = new ArrayList<>(List.of(1.0));
    List<Double> ioSpeedups = new ArrayList<>(List.of(1.0));
    try {
      for (int workers : counts) {
        if (run.canScaleWorkers() && !smoke) {
          run.scaleWorkers(workers);
        }
        int threads = workers * run.options().workerThreads();
        double cpu = measure(run, "findoc.analyze", Map.of(), corpus.uris(), documents);
        double io = measure(run, "simulate", Map.of("sleepMs", sleepMs), corpus.uris(), documents);
        double cpuIdeal = Math.min(cores, threads);
        double cpuSpeedup = sequential / cpu;
        double ioSpeedup = sequentialIo / io;
        rows.add(List.of("cpu", workers, cpu, documents / cpu, cpuSpeedup, cpuSpeedup / cpuIdeal));
        rows.add(List.of("io", workers, io, documents / io, ioSpeedup, ioSpeedup / threads));
        run.results()
            .row(
                "speedup",
                workers + " worker process(es), " + threads + " threads",
                String.format(
                    Locale.ROOT,
                    "documents %.2f s: %.2fx (%.0f%% of the ideal %.0fx); simulated I/O %.2f s:"
                        + " %.1fx (%.0f%% of the ideal %dx)",
                    cpu,
                    cpuSpeedup,
                    100 * cpuSpeedup / cpuIdeal,
                    cpuIdeal,
                    io,
                    ioSpeedup,
                    100 * ioSpeedup / threads,
                    threads));
        figures.put("cpu_w" + workers + "_speedup", cpuSpeedup);
        figures.put("cpu_w" + workers + "_pct_ideal", 100 * cpuSpeedup / cpuIdeal);
        figures.put("io_w" + workers + "_speedup", ioSpeedup);
        figures.put("io_w" + workers + "_pct_ideal", 100 * ioSpeedup / threads);
        labels.add(workers + " worker(s)");
        cpuSpeedups.add(cpuSpeedup);
        ioSpeedups.add(ioSpeedup);
      }
    } finally {
      if (run.canScaleWorkers() && !smoke) {
        run.scaleWorkers(run.options().workers());
      }
    }
    run.results()
        .csv(
            "speedup",
            List.of("mode", "workers", "seconds", "docs_per_s", "speedup", "share_of_ideal"),
            rows);
    run.results()
        .html(
            "speedup",
            "Parallel speed-up over a sequential loop",
            List.of(
                Svg.bars("Speed-up, generated documents (CPU-bound)", "x", labels, cpuSpeedups),
                Svg.bars(
                    "Speed-up, simulated I/O of " + sleepMs + " ms per document",
                    "x",
                    labels,
                    ioSpeedups)));
    figures.put("cores", cores);
    return figures;
  }

  /** The median seconds of {@code --repeats} jobs over the corpus, once warm ({@link WarmUp}). */
  private static double measure(
      BenchRun run, String processor, Map<String, Object> options, List<String> uris, int count)
      throws Exception {
    FindocJobs jobs = run.jobs();
    if (!run.options().smoke()) {
      WarmUp.Outcome warm =
          WARM_UP.run(
              () ->
                  jobs.documents("bench warm-up " + processor, processor, options, uris).seconds());
      System.out.println("  " + processor + ": " + warm.describe());
    }
    List<Double> seconds = new ArrayList<>();
    for (int r = 0; r < run.options().repeats(); r++) {
      run.drain(processor + " run " + (r + 1));
      FindocJobs.Timing timing =
          jobs.documents("bench " + processor + " x" + count, processor, options, uris);
      if (timing.succeeded() != count) {
        throw new IllegalStateException(
            "job "
                + timing.id()
                + " ended "
                + timing.state()
                + ", "
                + timing.succeeded()
                + " of "
                + count
                + " succeeded");
      }
      seconds.add(timing.seconds());
    }
    return Stats.of(seconds).median();
  }
}
