package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.bench.report.Results;
import io.findoc.batch.loadtests.bench.sampling.PgCounters;
import io.findoc.batch.loadtests.client.FindocClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the scenarios of one bench run share: the options, the API client, the results folder, the
 * database counters, the largest no-op rate measured so far (the latency scenario reports it beside
 * its own maximum) and the control of the number of worker processes.
 */
public final class BenchRun {

  private final BenchOptions options;
  private final FindocClient client;
  private final Results results;
  private final PgCounters counters;
  private final StackDrain drain;
  private final Map<String, Map<String, double[]>> resources = new LinkedHashMap<>();
  private volatile double maxNoopRate;

  BenchRun(BenchOptions options, Results results) {
    this.options = options;
    this.client = FindocClient.withKeyFile(options.api(), options.keyFile());
    this.results = results;
    this.counters = new PgCounters(options.db(), options.dbUser(), options.dbPassword());
    this.drain =
        new StackDrain(
            client,
            new DrainPolicy(options.drainTimeout(), Duration.ofSeconds(options.smoke() ? 10 : 30)));
  }

  /**
   * Waits until the coordinator has no unfinished job of this tenant and the workers have consumed
   * every task message ({@link StackDrain}), cancelling leftovers past {@code --drain-timeout};
   * what it had to do is printed and noted in {@code machine.txt}. Called before each scenario and
   * each measured run, so that none starts behind another's backlog.
   *
   * @param before what is about to start
   */
  public void drain(String before) throws InterruptedException {
    String report = drain.await(before);
    if (!report.isEmpty()) {
      System.out.println("  " + report);
      results.note(report);
    }
  }

  /** Keeps a scenario's per-process resource summary, for the {@code resources} scenario. */
  void resources(String scenario, Map<String, double[]> summary) {
    resources.put(scenario, summary);
  }

  /** Per scenario run so far: per process, mean and peak CPU, mean and peak RSS. */
  public Map<String, Map<String, double[]>> resources() {
    return resources;
  }

  public BenchOptions options() {
    return options;
  }

  public FindocClient client() {
    return client;
  }

  public Results results() {
    return results;
  }

  public PgCounters counters() {
    return counters;
  }

  public FindocJobs jobs() {
    return new FindocJobs(client);
  }

  /** The largest end-to-end no-op rate measured in this run, if the no-op scenario ran. */
  public OptionalDouble maxNoopRate() {
    return maxNoopRate == 0 ? OptionalDouble.empty() : OptionalDouble.of(maxNoopRate);
  }

  /** Keeps the no-op rate of the largest job, for the latency scenario. */
  public void maxNoopRate(double rate) {
    this.maxNoopRate = rate;
  }

  /** Whether this run may change the number of worker processes (a stack it started). */
  public boolean canScaleWorkers() {
    return options.findoc() != null && options.var() != null;
  }

  /**
   * Makes the stack run exactly {@code count} worker processes ({@code findoc bench-workers N}: it
   * stops the ones above {@code count} and starts the missing ones, then waits until they are up).
   */
  public void scaleWorkers(int count) throws IOException, InterruptedException {
    scaleWorkers(count, null);
  }

  /**
   * As {@link #scaleWorkers(int)}, with the workers' CPU ceiling ({@code
   * findoc.worker.resources.cpu-ceiling}) at {@code cpuCeiling}, or at its default if null: workers
   * running with another ceiling are restarted.
   */
  public void scaleWorkers(int count, String cpuCeiling) throws IOException, InterruptedException {
    if (!canScaleWorkers()) {
      throw new IllegalStateException("the bench did not start this stack: it cannot add workers");
    }
    List<String> command = new ArrayList<>(List.of(options.findoc().toString(), "bench-workers"));
    command.add(Integer.toString(count));
    command.add("--cpu-ceiling");
    command.add(cpuCeiling == null ? "default" : cpuCeiling);
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(
            Duration.ofMinutes(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        || process.exitValue() != 0) {
      throw new IllegalStateException("could not run " + count + " workers: " + command);
    }
  }

  /** The pid of a stack process from its pid file ({@code coordinator}, {@code worker-1}). */
  public long pidOf(String name) throws IOException {
    if (options.var() == null) {
      throw new IllegalStateException("no var folder: the pids of the stack are unknown");
    }
    return Long.parseLong(Files.readString(options.var().resolve("run/" + name + ".pid")).strip());
  }

  /** A folder the workers may read documents from, for generated corpora. */
  public Path documents(String name) throws IOException {
    Path folder =
        options.var() == null
            ? Files.createTempDirectory("findoc-bench-" + name)
            : options.var().resolve("documents").resolve(name);
    Files.createDirectories(folder);
    return folder.toRealPath();
  }
}
