package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.bench.sampling.CpuAccount;
import io.findoc.batch.loadtests.bench.sampling.WorkerThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scenario 3: parallel speed-up on real documents. The generated corpus is analysed by a plain loop
 * on one thread, then by FinDoc ({@code findoc.analyze}) with 1, 2 and 4 worker processes; then the
 * same with simulated I/O ({@code simulate} with a sleep per document) against a loop that sleeps
 * as long per document. Each is warmed until it stops getting faster ({@link WarmUp}), then
 * measured {@code --repeats} times. Speed-up = loop time / FinDoc time.
 *
 * <p>The CPU-bound runs are made twice: with the workers' resource ceiling at its default (the
 * worker holds its intake above 80% of the machine's CPU, as the seed asks) and raised to 100%, as
 * on a box kept for the benchmark; so that neither figure hides the other. Each CPU-bound run also
 * measures what the stack itself (coordinator, broker, PostgreSQL) used of the machine: its ideal
 * is the cores left to the workers, besides the ideal of every core.
 */
public final class DocumentSpeedup implements Scenario {

  /** Each configuration warms until it stops getting faster, for at most 12 runs or 4 minutes. */
  private static final WarmUp WARM_UP = new WarmUp(12, Duration.ofMinutes(4));

  /** The raised CPU ceiling: the whole machine. */
  private static final String RAISED = "1.0";

  /** {@code /proc} counts CPU in ticks of 10 ms. */
  private static final double MICROS_PER_TICK = 10_000;

  /**
   * One measured configuration: its median seconds and spread, the cores the workers and the stack
   * used, and the workers' CPU µs per document by thread role (medians over the runs).
   */
  private record Measured(
      double seconds,
      double spread,
      double workerCores,
      double stackCores,
      Map<WorkerThreads.Role, Double> workerThreadMicros) {

    /** CPU microseconds per document of {@code cores} busy for the run. */
    double microsPerDocument(double cores, int documents) {
      return cores * seconds * 1e6 / documents;
    }
  }

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
    boolean scale = run.canScaleWorkers() && !smoke;
    List<Integer> counts = scale ? List.of(1, 2, 4) : List.of(run.options().workers());
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
    rows.add(List.of("cpu", 0, "", sequential, documents / sequential, 1.0, "", ""));
    rows.add(List.of("io", 0, "", sequentialIo, documents / sequentialIo, 1.0, "", ""));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("documents", documents);
    figures.put("sequential_s", sequential);
    List<String> labels = new ArrayList<>(List.of("loop"));
    List<Double> cpuSpeedups = new ArrayList<>(List.of(1.0));
    List<Double> raisedSpeedups = new ArrayList<>(List.of(1.0));
    List<Double> ioSpeedups = new ArrayList<>(List.of(1.0));
    try {
      for (int workers : counts) {
        if (scale) {
          run.scaleWorkers(workers, null);
        }
        Measured cpu = measure(run, workers, "findoc.analyze", Map.of(), corpus.uris(), documents);
        Measured io =
            measure(run, workers, "simulate", Map.of("sleepMs", sleepMs), corpus.uris(), documents);
        int ioThreads = workers * run.options().workerThreads();
        double ioSpeedup = sequentialIo / io.seconds();
        double cpuSpeedup =
            cpuRow(run, rows, figures, "cpu_w" + workers, workers, "80%", sequential, cpu, cores);
        rows.add(
            List.of(
                "io",
                workers,
                "80%",
                io.seconds(),
                documents / io.seconds(),
                ioSpeedup,
                ioSpeedup / ioThreads,
                ""));
        run.results()
            .row(
                "speedup",
                workers + " worker(s), simulated I/O",
                String.format(
                    Locale.ROOT,
                    "%d sleeps of %d ms in %.2f s (spread %.0f%%): %.1fx (%.0f%% of the ideal %dx,"
                        + " the I/O threads)",
                    documents,
                    sleepMs,
                    io.seconds(),
                    100 * io.spread(),
                    ioSpeedup,
                    100 * ioSpeedup / ioThreads,
                    ioThreads));
        figures.put("io_w" + workers + "_speedup", ioSpeedup);
        figures.put("io_w" + workers + "_pct_ideal", 100 * ioSpeedup / ioThreads);
        labels.add(workers + " worker(s)");
        cpuSpeedups.add(cpuSpeedup);
        ioSpeedups.add(ioSpeedup);
      }
      if (scale) {
        for (int workers : List.of(1, 2)) {
          run.scaleWorkers(workers, RAISED);
          Measured cpu =
              measure(run, workers, "findoc.analyze", Map.of(), corpus.uris(), documents);
          raisedSpeedups.add(
              cpuRow(
                  run,
                  rows,
                  figures,
                  "cpu_w" + workers + "_ceiling100",
                  workers,
                  "100%",
                  sequential,
                  cpu,
                  cores));
        }
      }
    } finally {
      if (scale) {
        run.scaleWorkers(run.options().workers(), null);
      }
    }
    run.results()
        .csv(
            "speedup",
            List.of(
                "mode",
                "workers",
                "cpu_ceiling",
                "seconds",
                "docs_per_s",
                "speedup",
                "share_of_ideal",
                "stack_cores"),
            rows);
    List<String> charts = new ArrayList<>();
    charts.add(
        Svg.bars(
            "Speed-up, generated documents (CPU-bound), CPU ceiling 80%",
            "x", labels, cpuSpeedups));
    if (raisedSpeedups.size() > 1) {
      charts.add(
          Svg.bars(
              "Speed-up, generated documents (CPU-bound), CPU ceiling 100%",
              "x", labels.subList(0, raisedSpeedups.size()), raisedSpeedups));
    }
    charts.add(
        Svg.bars(
            "Speed-up, simulated I/O of " + sleepMs + " ms per document", "x", labels, ioSpeedups));
    run.results().html("speedup", "Parallel speed-up over a sequential loop", charts);
    figures.put("cores", cores);
    return figures;
  }

  /** Prints, keeps and returns the speed-up of one CPU-bound configuration. */
  private static double cpuRow(
      BenchRun run,
      List<List<?>> rows,
      Map<String, Object> figures,
      String key,
      int workers,
      String ceiling,
      double sequential,
      Measured cpu,
      int cores) {
    int documents = run.options().documents();
    double speedup = sequential / cpu.seconds();
    double coresLeft = Math.max(1, cores - cpu.stackCores());
    rows.add(
        List.of(
            "cpu",
            workers,
            ceiling,
            cpu.seconds(),
            documents / cpu.seconds(),
            speedup,
            speedup / cores,
            cpu.stackCores()));
    run.results()
        .row(
            "speedup",
            workers + " worker(s), documents, CPU ceiling " + ceiling,
            String.format(
                Locale.ROOT,
                "%.2f s (spread %.0f%%): %.2fx; %.0f%% of the ideal %dx (every core), %.0f%% of"
                    + " the %.2f cores the stack (%.2f cores) left; CPU per document: workers %.0f"
                    + " µs (%s), stack %.0f µs",
                cpu.seconds(),
                100 * cpu.spread(),
                speedup,
                100 * speedup / cores,
                cores,
                100 * speedup / coresLeft,
                coresLeft,
                cpu.stackCores(),
                cpu.microsPerDocument(cpu.workerCores(), documents),
                byThread(cpu.workerThreadMicros()),
                cpu.microsPerDocument(cpu.stackCores(), documents)));
    figures.put(key + "_speedup", speedup);
    figures.put(key + "_spread_pct", 100 * cpu.spread());
    figures.put(key + "_pct_ideal", 100 * speedup / cores);
    figures.put(key + "_stack_cores", cpu.stackCores());
    figures.put(key + "_pct_ideal_cores_left", 100 * speedup / coresLeft);
    figures.put(
        key + "_worker_cpu_us_per_doc", cpu.microsPerDocument(cpu.workerCores(), documents));
    figures.put(key + "_stack_cpu_us_per_doc", cpu.microsPerDocument(cpu.stackCores(), documents));
    cpu.workerThreadMicros()
        .forEach(
            (role, micros) ->
                figures.put(
                    key + "_worker_" + role.name().toLowerCase(Locale.ROOT) + "_cpu_us_per_doc",
                    micros));
    return speedup;
  }

  /** "processors 444, JIT 101, ..." in µs per document, largest first. */
  private static String byThread(Map<WorkerThreads.Role, Double> micros) {
    return micros.entrySet().stream()
        .sorted(Map.Entry.<WorkerThreads.Role, Double>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey().label(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** The median of {@code --repeats} jobs over the corpus, once warm ({@link WarmUp}). */
  private static Measured measure(
      BenchRun run,
      int workers,
      String processor,
      Map<String, Object> options,
      List<String> uris,
      int count)
      throws Exception {
    FindocJobs jobs = run.jobs();
    if (!run.options().smoke()) {
      WarmUp.Outcome warm =
          WARM_UP.run(
              () ->
                  jobs.documents("bench warm-up " + processor, processor, options, uris).seconds());
      System.out.println("  " + processor + ": " + warm.describe());
    }
    List<Long> pids = workerPids(run, workers);
    List<Double> seconds = new ArrayList<>();
    List<Double> stack = new ArrayList<>();
    List<Double> workerCores = new ArrayList<>();
    Map<WorkerThreads.Role, List<Double>> threadMicros = new EnumMap<>(WorkerThreads.Role.class);
    for (WorkerThreads.Role role : WorkerThreads.Role.values()) {
      threadMicros.put(role, new ArrayList<>());
    }
    for (int r = 0; r < run.options().repeats(); r++) {
      run.drain(processor + " run " + (r + 1));
      Map<WorkerThreads.Role, Long> threadsBefore = WorkerThreads.ticks(pids);
      CpuAccount.Reading before = CpuAccount.read(pids);
      FindocJobs.Timing timing =
          jobs.documents("bench " + processor + " x" + count, processor, options, uris);
      CpuAccount.Used used = CpuAccount.read(pids).since(before);
      Map<WorkerThreads.Role, Long> threadsAfter = WorkerThreads.ticks(pids);
      for (WorkerThreads.Role role : WorkerThreads.Role.values()) {
        long ticks = threadsAfter.get(role) - threadsBefore.get(role);
        threadMicros.get(role).add(Math.max(0, ticks) * MICROS_PER_TICK / count);
      }
      stack.add(used.stack());
      workerCores.add(used.processes());
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
    Stats measured = Stats.of(seconds);
    return new Measured(
        measured.median(),
        measured.spread(),
        Stats.of(workerCores).median(),
        Stats.of(stack).median(),
        medians(threadMicros));
  }

  private static Map<WorkerThreads.Role, Double> medians(
      Map<WorkerThreads.Role, List<Double>> values) {
    Map<WorkerThreads.Role, Double> medians = new EnumMap<>(WorkerThreads.Role.class);
    values.forEach((role, list) -> medians.put(role, Stats.of(list).median()));
    return medians;
  }

  private static List<Long> workerPids(BenchRun run, int workers) throws IOException {
    List<Long> pids = new ArrayList<>();
    if (run.options().var() == null) {
      return pids; // a stack given by address: its processes are not ours to read
    }
    for (int n = 1; n <= workers; n++) {
      pids.add(run.pidOf("worker-" + n));
    }
    return pids;
  }
}
