package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.bench.peers.PeerComparison;
import io.findoc.batch.loadtests.bench.report.Machine;
import io.findoc.batch.loadtests.bench.report.Results;
import io.findoc.batch.loadtests.bench.report.Summary;
import io.findoc.batch.loadtests.bench.sampling.ProcessSampler;
import io.findoc.batch.loadtests.bench.scenario.AnalyzerCost;
import io.findoc.batch.loadtests.bench.scenario.CeilingThroughput;
import io.findoc.batch.loadtests.bench.scenario.DashboardPages;
import io.findoc.batch.loadtests.bench.scenario.DocumentSpeedup;
import io.findoc.batch.loadtests.bench.scenario.HalfLoadLatency;
import io.findoc.batch.loadtests.bench.scenario.NoopThroughput;
import io.findoc.batch.loadtests.bench.scenario.ProgressFigures;
import io.findoc.batch.loadtests.bench.scenario.SchedulingFigures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness: runs the chosen scenarios one after the other against a running stack,
 * each on a drained stack ({@link BenchRun#drain}), samples the stack's processes during each
 * ({@link ResourceReport}), writes everything to one results folder, and ends with a summary of
 * every {@code RESULT} line and the goals ({@link Summary}). Usage: {@code Bench --api URL
 * --var DIR --findoc SCRIPT [--kafka HOST:PORT] [--scenario all|noop,ceiling,latency,...] [--tasks
 * 100000,1000000] [--repeats 3] [--drain-timeout 300] [--rate-limit N --rate-burst N]
 * [--latency-rate T] [--page-tasks N] [--page-requests R] [--smoke] [--profile]}; see {@link
 * BenchOptions}. {@code ./findoc bench} starts the stack and calls it.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    int failed = run(BenchOptions.parse(args));
    System.exit(failed == 0 ? 0 : 1);
  }

  /**
   * Runs the scenarios of {@code options}; a scenario that fails is reported and the next one runs.
   *
   * @return the number of scenarios that failed
   */
  public static int run(BenchOptions options) {
    Results results = new Results(options.results());
    BenchRun run = new BenchRun(options, results);
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("postgresql", postgresVersion(options));
    versions.put("kafka-clients", org.apache.kafka.common.utils.AppInfoParser.getVersion());
    versions.put("worker threads per worker", Integer.toString(options.workerThreads()));
    versions.put("mode", options.smoke() ? "smoke (no figure means anything)" : "measurement");
    versions.put("coordinator rate limit", options.rateLimitNote());
    results.machine(versions);
    System.out.println("Results in " + results.folder().toAbsolutePath());
    System.out.println("Coordinator rate limit: " + options.rateLimitNote());
    List<String> failures = new ArrayList<>();
    for (String name : options.scenarios()) {
      System.out.println("== " + name);
      long t0 = System.nanoTime();
      try {
        Scenario scenario = scenario(name);
        if (scenario.sampled()) {
          run.drain("scenario " + name);
        }
        results.note("scenario " + name + " starts; load " + Machine.load());
        Map<String, Object> figures =
            scenario.sampled() ? sampled(run, results, scenario) : scenario.run(run);
        System.out.printf("  (%s took %.0f s)%n", name, (System.nanoTime() - t0) / 1e9);
        results.result(name, figures);
      } catch (Exception | Error e) {
        // One scenario's failure (an answer, a lost connection, even a full heap) is reported;
        // the next scenario runs, after the drain has cleared what this one left.
        failures.add(name);
        System.out.println("scenario " + name + " failed: " + e);
        e.printStackTrace(System.out);
        results.note("scenario " + name + " failed: " + e);
      }
    }
    if (run.client().refusals() > 0 || run.client().connectionErrors() > 0) {
      String note =
          "the coordinator refused "
              + run.client().refusals()
              + " synchronous requests (429, honoured) and "
              + run.client().connectionErrors()
              + " could not reach it";
      System.out.println(note);
      results.note(note);
    }
    if (!failures.isEmpty()) {
      System.out.println("failed scenarios: " + failures);
    }
    Summary.write(results, failures, options.smoke());
    return failures.size();
  }

  /** Runs a scenario while its processes are sampled, and reports their resources. */
  private static Map<String, Object> sampled(BenchRun run, Results results, Scenario scenario)
      throws Exception {
    try (ProcessSampler sampler = ProcessSampler.start(run.options().var())) {
      try {
        return scenario.run(run);
      } finally {
        sampler.close();
        run.resources(scenario.name(), sampler.summary());
        ResourceReport.write(results, scenario.name(), sampler);
      }
    }
  }

  static Scenario scenario(String name) {
    return switch (name) {
      case "noop" -> new NoopThroughput();
      case "ceiling" -> new CeilingThroughput();
      case "latency" -> new HalfLoadLatency();
      case "progress" -> new ProgressFigures();
      case "speedup" -> new DocumentSpeedup();
      case "scheduling" -> new SchedulingFigures();
      case "pages" -> new DashboardPages();
      case "peers" -> new PeerComparison();
      case "resources" -> new ResourceSummary();
      case "analyzer" -> new AnalyzerCost();
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }

  private static String postgresVersion(BenchOptions options) {
    try (Connection c =
            DriverManager.getConnection(options.db(), options.dbUser(), options.dbPassword());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW server_version")) {
      return rs.next() ? rs.getString(1) : "unknown";
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
