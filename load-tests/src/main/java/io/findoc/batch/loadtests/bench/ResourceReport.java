package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.bench.report.Results;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.bench.sampling.ProcessSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 5, resources, for each scenario: mean and peak CPU and memory per process, as table
 * rows, {@code resources-<scenario>.csv}, a chart over time and a {@code RESULT resources} line.
 */
final class ResourceReport {

  private ResourceReport() {}

  static void write(Results results, String scenario, ProcessSampler sampler) {
    Map<String, double[]> summary = sampler.summary();
    List<List<?>> rows = new ArrayList<>();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("scenario", scenario);
    for (Map.Entry<String, double[]> e : summary.entrySet()) {
      double[] s = e.getValue();
      rows.add(List.of(e.getKey(), s[0], s[1], s[2], s[3]));
      results.row("resources", scenario + ": " + e.getKey(), line(s));
      putFigures(figures, e.getKey(), s);
    }
    results.csv(
        "resources-" + scenario,
        List.of("process", "cpu_mean_pct", "cpu_peak_pct", "rss_mean_mb", "rss_peak_mb"),
        rows);
    results.html(
        "resources-" + scenario,
        "Resources during " + scenario,
        List.of(
            Svg.lines("CPU", "seconds", "% of one core", series(sampler.cpuSeries())),
            Svg.lines("Resident memory", "seconds", "MB", series(sampler.rssSeries()))));
    results.result("resources", figures);
  }

  /** A process's summary (cpu mean and peak, rss mean and peak) as a table row's text. */
  static String line(double[] summary) {
    return String.format(
        Locale.ROOT,
        "CPU mean %.0f%% peak %.0f%% of a core; RSS mean %.0f MB peak %.0f MB",
        summary[0],
        summary[1],
        summary[2],
        summary[3]);
  }

  /** A process's figures of the {@code RESULT resources} line: CPU mean and peak, RSS peak. */
  static void putFigures(Map<String, Object> figures, String process, double[] summary) {
    String key = process.replace('-', '_');
    figures.put(key + "_cpu_mean_pct", summary[0]);
    figures.put(key + "_cpu_peak_pct", summary[1]);
    figures.put(key + "_rss_peak_mb", summary[3]);
  }

  private static List<Svg.Series> series(Map<String, List<double[]>> byProcess) {
    List<Svg.Series> series = new ArrayList<>();
    byProcess.forEach((name, points) -> series.add(new Svg.Series(name, points)));
    return series;
  }
}
