package io.findoc.batch.loadtests.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs a workload again and again until it has stopped getting faster: at least {@link #MIN_RUNS}
 * runs, and each of the last {@link #STEADY_RUNS} no more than {@link #GAIN} faster than the
 * fastest before it. One such run was not enough: a worker still compiling ran 10.51 s and then
 * 10.91 s, counted as steady, and its measured runs were slower than its warm-up's best. A fresh
 * JVM runs the analyser half as fast as it will once its JIT compiler has caught up, and a worker
 * whose processor threads keep both cores busy leaves the compiler little CPU: a worker process
 * takes tens of thousands of documents to reach its steady speed, a loop on one thread a couple of
 * thousand. Measuring either before that would compare compilers, not the work.
 */
final class WarmUp {

  static final int MIN_RUNS = 3;

  /** A run this much faster (as a share) than every earlier one means it is still warming. */
  static final double GAIN = 0.05;

  /** How many runs in a row must be no faster than the fastest before them. */
  static final int STEADY_RUNS = 2;

  private final int maxRuns;
  private final Duration budget;

  WarmUp(int maxRuns, Duration budget) {
    this.maxRuns = maxRuns;
    this.budget = budget;
  }

  /** What the warm-up took. */
  record Outcome(List<Double> seconds, boolean steady) {

    String describe() {
      List<String> each = new ArrayList<>();
      seconds.forEach(s -> each.add(String.format(Locale.ROOT, "%.2f", s)));
      return seconds.size()
          + " warm-up run(s) of "
          + String.join(", ", each)
          + " s"
          + (steady ? ", steady" : ", not steady yet (stopped at the limit)");
    }
  }

  /** Runs {@code run} (which returns its seconds) until steady or at the limit. */
  Outcome run(Callable<Double> run) throws Exception {
    long deadline = System.nanoTime() + budget.toNanos();
    List<Double> seconds = new ArrayList<>();
    while (true) {
      seconds.add(run.call());
      boolean steady = seconds.size() >= MIN_RUNS && steady(seconds);
      if (steady || seconds.size() >= maxRuns || System.nanoTime() > deadline) {
        return new Outcome(seconds, steady);
      }
    }
  }

  static boolean steady(List<Double> seconds) {
    for (int i = seconds.size() - STEADY_RUNS; i < seconds.size(); i++) {
      if (i < 1 || fasterThanEveryEarlier(seconds, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fasterThanEveryEarlier(List<Double> seconds, int run) {
    double fastestBefore =
        seconds.subList(0, run).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    return seconds.get(run) < (1 - GAIN) * fastestBefore;
  }
}
