package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.ScratchDatabase;
import io.findoc.batch.loadtests.bench.ceiling.LeanFlow;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The ceiling: the leanest form of FinDoc's data flow ({@link LeanFlow}) on the same broker and
 * PostgreSQL server, with the largest no-op size of the run and one consumer thread per worker
 * process, after a warm-up run; {@code --repeats} times. With the no-op scenario in the same run,
 * FinDoc's rate over the ceiling's: against the flow alone (the figure the original states) and
 * against the flow with its COPY, as FinDoc's own figure counts its submission.
 */
public final class CeilingThroughput implements Scenario {

  private static final String DATABASE = "bench_ceiling";

  @Override
  public String name() {
    return "ceiling";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    int size = run.options().tasks().stream().mapToInt(Integer::intValue).max().orElseThrow();
    int workers = run.options().workers();
    LeanFlow flow =
        new LeanFlow(
            run.options().kafka(),
            ScratchDatabase.fresh(run.options().adminDb(), DATABASE),
            ScratchDatabase.USER,
            ScratchDatabase.PASSWORD);
    int warmUp = Math.min(size, run.options().smoke() ? 200 : 100_000);
    System.out.printf("  warm-up: %,d tasks%n", warmUp);
    flow.run(warmUp, workers);

    List<List<?>> rows = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    List<Double> withCopy = new ArrayList<>();
    List<Double> copies = new ArrayList<>();
    for (int r = 1; r <= run.options().repeats(); r++) {
      LeanFlow.Timing timing = flow.run(size, workers);
      rates.add(timing.perSecond());
      withCopy.add(timing.perSecondWithCopy());
      copies.add(timing.copySeconds());
      rows.add(
          List.of(
              size,
              r,
              workers,
              timing.copySeconds(),
              timing.seconds(),
              timing.perSecond(),
              timing.perSecondWithCopy()));
      run.results()
          .row(
              "ceiling",
              String.format(Locale.ROOT, "%,d tasks, run %d", size, r),
              String.format(
                  Locale.ROOT,
                  "lean flow %.0f tasks/s end to end (%.0f/s with its %.1f s COPY), %d consumers",
                  timing.perSecond(),
                  timing.perSecondWithCopy(),
                  timing.copySeconds(),
                  workers));
    }
    run.results()
        .csv(
            "ceiling",
            List.of(
                "tasks", "run", "consumers", "copy_s", "e2e_s", "tasks_per_s", "with_copy_per_s"),
            rows);

    Stats rate = Stats.of(rates);
    Stats rateWithCopy = Stats.of(withCopy);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("tasks", size);
    figures.put("tasks_per_s", rate.median());
    figures.put("spread", rate.spread());
    figures.put("with_copy_per_s", rateWithCopy.median());
    figures.put("copy_s", Stats.of(copies).median());
    List<String> labels = new ArrayList<>(List.of("lean flow", "lean flow with COPY"));
    List<Double> values = new ArrayList<>(List.of(rate.median(), rateWithCopy.median()));
    OptionalDouble findoc = run.maxNoopRate();
    if (findoc.isPresent()) {
      figures.put("findoc_per_s", findoc.getAsDouble());
      figures.put("findoc_over_ceiling", findoc.getAsDouble() / rate.median());
      figures.put("findoc_over_ceiling_with_copy", findoc.getAsDouble() / rateWithCopy.median());
      labels.add("FinDoc");
      values.add(findoc.getAsDouble());
      run.results()
          .row(
              "ceiling",
              String.format(Locale.ROOT, "FinDoc / ceiling, %,d tasks", size),
              String.format(
                  Locale.ROOT,
                  "%.0f / %.0f tasks/s = %.2f (with the COPY: %.2f)",
                  findoc.getAsDouble(),
                  rate.median(),
                  findoc.getAsDouble() / rate.median(),
                  findoc.getAsDouble() / rateWithCopy.median()));
    }
    figures.put("repeats", run.options().repeats());
    run.results()
        .html(
            "ceiling",
            "The ceiling: the leanest form of the data flow",
            List.of(
                Svg.bars(
                    String.format(Locale.ROOT, "No-op tasks/s, %,d tasks (medians)", size),
                    "tasks/s",
                    labels,
                    values)));
    return figures;
  }
}
