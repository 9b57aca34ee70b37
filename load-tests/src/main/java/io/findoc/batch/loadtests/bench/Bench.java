package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.bench.peers.PeerComparison;
import io.findoc.batch.loadtests.bench.report.Machine;
import io.findoc.batch.loadtests.bench.report.Results;
import io.findoc.batch.loadtests.bench.sampling.ProcessSampler;
import io.findoc.batch.loadtests.bench.scenario.DocumentSpeedup;
import io.findoc.batch.loadtests.bench.scenario.HalfLoadLatency;
import io.findoc.batch.loadtests.bench.scenario.NoopThroughput;
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
 * samples the stack's processes during each ({@link ResourceReport}), and writes everything to one
 * results folder. Usage: {@code Bench --api URL --var DIR --findoc SCRIPT [--scenario
 * all|noop,latency,...] [--tasks 100000,1000000] [--repeats 3] [--smoke] [--profile]}; see {@link
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
    results.machine(versions);
    System.out.println("Results in " + results.folder().toAbsolutePath());
    List<String> failures = new ArrayList<>();
    for (String name : options.scenarios()) {
      Scenario scenario = scenario(name);
      results.note("scenario " + name + " starts; load " + Machine.load());
      System.out.println("== " + name);
      long t0 = System.nanoTime();
      try (ProcessSampler sampler = ProcessSampler.start(options.var())) {
        Map<String, Object> figures;
        try {
          figures = scenario.run(run);
        } finally {
          sampler.close();
          ResourceReport.write(results, name, sampler);
        }
        System.out.printf("  (%s took %.0f s)%n", name, (System.nanoTime() - t0) / 1e9);
        results.result(name, figures);
      } catch (Exception | AssertionError e) {
        failures.add(name);
        System.out.println("scenario " + name + " failed: " + e);
        e.printStackTrace(System.out);
      }
    }
    if (!failures.isEmpty()) {
      System.out.println("failed scenarios: " + failures);
    }
    return failures.size();
  }

  static Scenario scenario(String name) {
    return switch (name) {
      case "noop" -> new NoopThroughput();
      case "latency" -> new HalfLoadLatency();
      case "speedup" -> new DocumentSpeedup();
      case "scheduling" -> new SchedulingFigures();
      case "peers" -> new PeerComparison();
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
