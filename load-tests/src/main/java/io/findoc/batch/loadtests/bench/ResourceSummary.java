package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.bench.sampling.ProcessSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5, resources, over the whole run: per process (broker, database, coordinator, each
 * worker, the bench), the peak CPU and resident memory over every scenario sampled before it and
 * the mean CPU of the scenarios' means; {@code resources.csv} (per scenario and over all), a chart
 * and {@code RESULT resources scenario=all ...}. Run alone, it samples one no-op job itself.
 */
final class ResourceSummary implements Scenario {

  @Override
  public String name() {
    return "resources";
  }

  @Override
  public boolean sampled() {
    return false;
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    if (run.resources().isEmpty()) {
      int tasks = Math.min(run.options().tasks().get(0), run.options().smoke() ? 2000 : 50_000);
      System.out.printf("  no scenario sampled yet: one job of %,d no-op tasks, sampled%n", tasks);
      run.drain("the resources job");
      try (ProcessSampler sampler = ProcessSampler.start(run.options().var())) {
        try {
          run.jobs().noop(tasks);
        } finally {
          sampler.close();
          run.resources("noop-" + tasks, sampler.summary());
        }
      }
    }
    Map<String, double[]> all = combine(run.resources());
    List<List<?>> rows = new ArrayList<>();
    run.resources()
        .forEach(
            (scenario, processes) ->
                processes.forEach(
                    (process, s) -> rows.add(List.of(scenario, process, s[0], s[1], s[2], s[3]))));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("scenario", "all");
    figures.put("scenarios", run.resources().size());
    List<String> labels = new ArrayList<>();
    List<Double> cpuPeaks = new ArrayList<>();
    List<Double> rssPeaks = new ArrayList<>();
    for (Map.Entry<String, double[]> e : all.entrySet()) {
      double[] s = e.getValue();
      rows.add(List.of("all", e.getKey(), s[0], s[1], s[2], s[3]));
      labels.add(e.getKey());
      cpuPeaks.add(s[1]);
      rssPeaks.add(s[3]);
      run.results().row("resources", "all scenarios: " + e.getKey(), ResourceReport.line(s));
      ResourceReport.putFigures(figures, e.getKey(), s);
    }
    run.results()
        .csv(
            "resources",
            List.of(
                "scenario",
                "process",
                "cpu_mean_pct",
                "cpu_peak_pct",
                "rss_mean_mb",
                "rss_peak_mb"),
            rows);
    run.results()
        .html(
            "resources",
            "Resources over the whole run (" + String.join(", ", run.resources().keySet()) + ")",
            List.of(
                Svg.bars("Peak CPU per process", "% of one core", labels, cpuPeaks),
                Svg.bars("Peak resident memory per process", "MB", labels, rssPeaks)));
    return figures;
  }

  /**
   * Per process over the scenarios: mean of the means, peak of the peaks (CPU, then RSS), in the
   * order the processes first appear.
   */
  static Map<String, double[]> combine(Map<String, Map<String, double[]>> byScenario) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map<String, double[]> processes : byScenario.values()) {
      for (Map.Entry<String, double[]> e : processes.entrySet()) {
        double[] s = e.getValue();
        double[] acc = sums.computeIfAbsent(e.getKey(), k -> new double[4]);
        acc[0] += s[0];
        acc[1] = Math.max(acc[1], s[1]);
        acc[2] += s[2];
        acc[3] = Math.max(acc[3], s[3]);
        counts.merge(e.getKey(), 1, Integer::sum);
      }
    }
    Map<String, double[]> combined = new LinkedHashMap<>();
    sums.forEach(
        (process, acc) -> {
          int n = counts.get(process);
          combined.put(process, new double[] {acc[0] / n, acc[1], acc[2] / n, acc[3]});
        });
    return combined;
  }
}
