package io.findoc.batch.loadtests.bench.peers;

import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.bench.scenario.Corpus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 6: the same no-op and document workloads through FinDoc, JobRunr and db-scheduler in the
 * same run, on the same PostgreSQL server (each peer in a database of its own, in this JVM), each
 * peer with as many worker threads as FinDoc's workers have in all; the ratio FinDoc / peer. Each
 * system: a warm-up, then {@code --repeats} runs; the median counts.
 */
public final class PeerComparison implements Scenario {

  @Override
  public String name() {
    return "peers";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    boolean smoke = run.options().smoke();
    int tasks = run.options().peerTasks();
    int documents = run.options().documents();
    int threads = run.options().workers() * run.options().workerThreads();
    Corpus corpus = Corpus.generate(run.documents("bench-peers"), documents);
    PeerWork.corpus = corpus;

    List<List<?>> rows = new ArrayList<>();
    Map<String, double[]> medians = new LinkedHashMap<>();
    FindocJobs jobs = run.jobs();
    if (!smoke) {
      jobs.noop(Math.min(tasks, 5000)); // warm-up
      jobs.documents("bench peers warm-up", "findoc.analyze", Map.of(), corpus.uris());
    }
    List<Double> noop = new ArrayList<>();
    List<Double> docs = new ArrayList<>();
    for (int r = 1; r <= run.options().repeats(); r++) {
      run.drain("FinDoc's no-op run " + r + " of the peer comparison");
      FindocJobs.Timing n = jobs.noop(tasks);
      run.drain("FinDoc's document run " + r + " of the peer comparison");
      FindocJobs.Timing d =
          jobs.documents("bench peers documents", "findoc.analyze", Map.of(), corpus.uris());
      rows.add(List.of("findoc", "noop", r, n.submitSeconds(), n.seconds(), n.perSecond()));
      rows.add(List.of("findoc", "documents", r, d.submitSeconds(), d.seconds(), d.perSecond()));
      noop.add(n.perSecond());
      docs.add(d.perSecond());
    }
    medians.put("findoc", new double[] {Stats.of(noop).median(), Stats.of(docs).median()});

    List<String> configurations = new ArrayList<>();
    for (String name : List.of("jobrunr", "db-scheduler")) {
      try (Peer peer = open(name, run.options().adminDb(), threads)) {
        configurations.add(peer.configuration());
        System.out.println("  " + peer.configuration());
        if (!smoke) {
          peer.noop(Math.min(tasks, 5000)); // warm-up
          peer.documents(corpus.uris());
        }
        noop.clear();
        docs.clear();
        for (int r = 1; r <= run.options().repeats(); r++) {
          Peer.PeerTiming n = peer.noop(tasks);
          Peer.PeerTiming d = peer.documents(corpus.uris());
          rows.add(List.of(name, "noop", r, n.submitSeconds(), n.seconds(), tasks / n.seconds()));
          rows.add(
              List.of(
                  name, "documents", r, d.submitSeconds(), d.seconds(), documents / d.seconds()));
          noop.add(tasks / n.seconds());
          docs.add(documents / d.seconds());
        }
        medians.put(name, new double[] {Stats.of(noop).median(), Stats.of(docs).median()});
      }
    }

    double[] findoc = medians.get("findoc");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("threads", threads);
    figures.put("noop_tasks", tasks);
    figures.put("documents", documents);
    List<String> labels = new ArrayList<>();
    List<Double> noopRates = new ArrayList<>();
    List<Double> docRates = new ArrayList<>();
    for (Map.Entry<String, double[]> e : medians.entrySet()) {
      String key = e.getKey().replace("-", "");
      double[] m = e.getValue();
      figures.put(key + "_noop_per_s", m[0]);
      figures.put(key + "_docs_per_s", m[1]);
      labels.add(e.getKey());
      noopRates.add(m[0]);
      docRates.add(m[1]);
      if (!e.getKey().equals("findoc")) {
        figures.put("findoc_over_" + key + "_noop", findoc[0] / m[0]);
        figures.put("findoc_over_" + key + "_docs", findoc[1] / m[1]);
      }
      run.results()
          .row(
              "peers",
              e.getKey() + " (" + threads + " threads)",
              String.format(
                  Locale.ROOT,
                  "noop %.0f/s (FinDoc/it %.2f), documents %.1f/s (FinDoc/it %.2f)",
                  m[0],
                  findoc[0] / m[0],
                  m[1],
                  findoc[1] / m[1]));
    }
    run.results()
        .csv("peers", List.of("system", "workload", "run", "submit_s", "seconds", "per_s"), rows);
    List<String> charts = new ArrayList<>();
    charts.add(
        Svg.bars(
            String.format(Locale.ROOT, "No-op jobs per second (%,d per run)", tasks),
            "per second",
            labels,
            noopRates));
    charts.add(
        Svg.bars(
            "Generated documents analysed per second (" + documents + " per run)",
            "per second",
            labels,
            docRates));
    charts.add(
        "<h2>Configuration</h2><ul>"
            + configurations.stream()
                .map(c -> "<li>" + Svg.escape(c) + "</li>")
                .reduce("", String::concat)
            + "</ul>");
    run.results().html("peers", "FinDoc and its peers, same machine, same run", charts);
    return figures;
  }

  private static Peer open(String name, String adminUrl, int threads) throws Exception {
    return name.equals("jobrunr")
        ? new JobRunrPeer(adminUrl, threads)
        : new DbSchedulerPeer(adminUrl, threads);
  }
}
