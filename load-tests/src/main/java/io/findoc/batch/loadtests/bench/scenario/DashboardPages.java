package io.findoc.batch.loadtests.bench.scenario;

import com.sun.net.httpserver.HttpServer;
import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.FindocJobs;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Machine;
import io.findoc.batch.loadtests.bench.report.PageTimings;
import io.findoc.batch.loadtests.bench.report.Svg;
import io.findoc.batch.loadtests.client.DashboardClient;
import io.findoc.batch.loadtests.client.DashboardClient.Read;
import io.findoc.batch.loadtests.client.FindocClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's answer times on a big job (issue 21: "at 1,000,000 tasks every page answers in
 * under 300 ms"). One job of {@code --page-tasks} (1,000,000) {@code simulate} tasks that do
 * nothing but fail now and then ({@link PagesJob}: failures of two error codes, on every worker,
 * some retried into later attempts, some dead-lettered), watched by a webhook endpoint of its own
 * (a receiver in this process, where the coordinator allows loopback endpoints). The bench signs in
 * to the dashboard as a browser does ({@link DashboardClient}) and times, one request after the
 * other, each page, live fragment, stream and download the pages use, and the API's failure groups:
 * a warm-up of {@value #WARM_UP} requests, then {@code --page-requests} (20) measured. While the
 * job runs (past 10% done) the same pages are timed too, as far as the job lasts (reported, not
 * judged); after it ended they are timed in full and judged: p95 under {@value #GOAL_MS} ms, every
 * answer 200. Streams count until their headers, downloads until their first byte (a browser shows
 * or saves them as they come).
 */
public final class DashboardPages implements Scenario {

  static final double GOAL_MS = 300;
  static final int WARM_UP = 3;
  private static final String PREFIX = "/ui";
  private static final String ERROR_CODE = "SIMULATED_FAILURE";

  /** What is asked for: a dashboard path (below {@code /ui}) or an API path, and how it is read. */
  record Probe(String page, String path, boolean htmx, Read read, boolean api) {

    static Probe page(String page, String path) {
      return new Probe(page, path, false, Read.BODY, false);
    }

    static Probe fragment(String page, String path) {
      return new Probe(page, path, true, Read.BODY, false);
    }
  }

  /**
   * What the probes point at.
   *
   * @param worker a worker that ran a failed task (null: not known yet)
   * @param failedTask a task that failed for good, with its attempts
   * @param retriedTask a task that succeeded on its third attempt
   * @param jobsCursor a keyset cursor deep in the jobs list (null: too few jobs)
   * @param webhook the endpoint of this run (null: none could be registered)
   */
  record Targets(
      String job,
      int tasks,
      String worker,
      int failedTask,
      int retriedTask,
      String jobsCursor,
      String webhook) {}

  @Override
  public String name() {
    return "pages";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    FindocClient client = run.client();
    int tasks = run.options().pageTasks();
    int requests = run.options().pageRequests();
    String key =
        run.options().keyFile() == null ? null : Files.readString(run.options().keyFile()).strip();
    DashboardClient dashboard = new DashboardClient(run.options().api(), PREFIX);
    dashboard.signIn(key);
    HttpServer receiver = receiver();
    String webhook = registerWebhook(client, receiver);
    try {
      PagesJob job = new PagesJob(tasks);
      long t0 = System.nanoTime();
      String id = client.submitJson(job.body()).get("id").asString();
      System.out.printf(
          "  job %s of %,d tasks submitted in %.1f s%n", id, tasks, (System.nanoTime() - t0) / 1e9);
      Targets early =
          new Targets(
              id, tasks, null, job.deadLetters().get(0), job.thirdAttempt().get(0), null, webhook);
      List<PageTimings> running = whileRunning(client, dashboard, key, early, requests);
      JsonNode ended = awaitEnd(client, id, t0);
      Targets targets = targets(client, early);
      System.out.printf(
          "  the job ended %s: %d succeeded, %d failed; timing %d requests per page after %d"
              + " of warm-up%n",
          ended.get("state").asString(),
          ended.get("counts").get("succeeded").asInt(),
          ended.get("counts").get("failed").asInt(),
          requests,
          WARM_UP);
      List<PageTimings> after = measure(probes(targets), dashboard, key, run, requests);
      return report(run, tasks, ended, running, after);
    } finally {
      if (webhook != null) {
        try {
          client.call("DELETE", "/api/webhooks/" + webhook, null, 204);
        } catch (RuntimeException e) {
          System.out.println("  (could not delete webhook endpoint " + webhook + ": " + e + ")");
        }
      }
      receiver.stop(0);
    }
  }

  /** Every page, fragment, stream and download the dashboard has, pointed at the job. */
  static List<Probe> probes(Targets t) {
    String job = "/jobs/" + t.job();
    int deep = (int) (t.tasks() * 9L / 10);
    List<Probe> probes = new ArrayList<>();
    probes.add(Probe.page("overview", "/"));
    probes.add(Probe.fragment("overview figures (live)", "/"));
    probes.add(Probe.page("jobs", "/jobs"));
    probes.add(Probe.page("jobs state=COMPLETED_WITH_ERRORS", "/jobs?state=COMPLETED_WITH_ERRORS"));
    probes.add(
        Probe.page("jobs name+priority+from", "/jobs?name=bench&priority=normal&from=2020-01-01"));
    probes.add(Probe.fragment("jobs rows (live)", "/jobs?state=RUNNING"));
    if (t.jobsCursor() != null) {
      probes.add(
          Probe.fragment(
              "jobs deep keyset page",
              "/jobs?cursor=" + URLEncoder.encode(t.jobsCursor(), StandardCharsets.UTF_8)));
    }
    probes.add(Probe.fragment("jobs bulk preview (count)", "/jobs/bulk?action=retry&name=bench"));
    probes.add(Probe.page("job detail", job));
    probes.add(Probe.fragment("job head (live)", job + "/head"));
    probes.add(
        new Probe("job progress stream (headers)", job + "/stream", false, Read.HEADERS, false));
    probes.add(Probe.fragment("tasks first page", job + "/tasks"));
    probes.add(Probe.fragment("tasks after " + deep, job + "/tasks?after=" + deep));
    probes.add(Probe.fragment("tasks state=FAILED", job + "/tasks?state=FAILED"));
    probes.add(
        Probe.fragment("tasks state=SUCCEEDED deep", job + "/tasks?state=SUCCEEDED&after=" + deep));
    probes.add(Probe.fragment("tasks errorCode", job + "/tasks?errorCode=" + ERROR_CODE));
    if (t.worker() != null) {
      probes.add(
          Probe.fragment(
              "tasks worker",
              job + "/tasks?worker=" + URLEncoder.encode(t.worker(), StandardCharsets.UTF_8)));
    }
    probes.add(Probe.fragment("tasks attempt>=2", job + "/tasks?attempt=2"));
    probes.add(
        new Probe(
            "failure groups (API JSON)",
            "/api/batch/jobs/" + t.job() + "/errors",
            false,
            Read.BODY,
            true));
    probes.add(
        new Probe(
            "failure report CSV (first byte)",
            job + "/failures.csv",
            false,
            Read.FIRST_BYTE,
            false));
    probes.add(
        new Probe("results NDJSON (first byte)", job + "/results", false, Read.FIRST_BYTE, false));
    probes.add(Probe.page("task detail, failed", job + "/tasks/" + t.failedTask()));
    probes.add(Probe.page("task detail, 3rd attempt", job + "/tasks/" + t.retriedTask()));
    probes.add(Probe.page("workers", "/workers"));
    probes.add(Probe.fragment("workers table (live)", "/workers"));
    probes.add(Probe.page("dead letters", "/dead-letters"));
    probes.add(
        Probe.page(
            "dead letters job+errorCode",
            "/dead-letters?job=" + t.job() + "&errorCode=" + ERROR_CODE));
    probes.add(Probe.page("webhooks", "/webhooks"));
    if (t.webhook() != null) {
      probes.add(Probe.page("webhook deliveries", "/webhooks?endpoint=" + t.webhook()));
    }
    probes.add(Probe.page("audit log", "/audit"));
    probes.add(Probe.page("submit", "/submit"));
    return probes;
  }

  /**
   * Times the pages once the job has 10% done, round after round (one request per page and round,
   * the first round not counted), until each has {@code requests} or the job ended.
   */
  private List<PageTimings> whileRunning(
      FindocClient client, DashboardClient dashboard, String key, Targets targets, int requests)
      throws InterruptedException {
    JsonNode job = client.job(targets.job());
    while (!FindocJobs.finished(job) && done(job) < targets.tasks() / 10) {
      Thread.sleep(500);
      job = client.job(targets.job());
    }
    List<Probe> probes = probes(targets);
    List<PageTimings> timings = new ArrayList<>();
    probes.forEach(p -> timings.add(new PageTimings(p.page())));
    for (int round = 0; round <= requests; round++) {
      if (FindocJobs.finished(client.job(targets.job()))) {
        break;
      }
      for (int i = 0; i < probes.size(); i++) {
        DashboardClient.Timed timed = time(probes.get(i), dashboard, key);
        if (round > 0) {
          timings.get(i).add(timed.status(), timed.millis());
        }
      }
    }
    List<PageTimings> measured = timings.stream().filter(t -> t.count() > 0).toList();
    System.out.printf(
        "  while the job ran: %d pages timed %d time(s) each%n",
        measured.size(), measured.isEmpty() ? 0 : measured.get(0).count());
    return measured;
  }

  private static List<PageTimings> measure(
      List<Probe> probes, DashboardClient dashboard, String key, BenchRun run, int requests) {
    List<PageTimings> timings = new ArrayList<>();
    for (Probe probe : probes) {
      PageTimings page = new PageTimings(probe.page());
      for (int i = 0; i < WARM_UP; i++) {
        time(probe, dashboard, key);
      }
      for (int i = 0; i < requests; i++) {
        DashboardClient.Timed timed = time(probe, dashboard, key);
        page.add(timed.status(), timed.millis());
      }
      timings.add(page);
    }
    return timings;
  }

  private static DashboardClient.Timed time(Probe probe, DashboardClient dashboard, String key) {
    try {
      return probe.api()
          ? dashboard.getApi(probe.path(), key)
          : dashboard.get(probe.path(), probe.htmx(), probe.read());
    } catch (UncheckedIOException e) {
      System.out.println("  " + probe.page() + ": " + e.getMessage());
      return new DashboardClient.Timed(0, 0, 0);
    }
  }

  private Map<String, Object> report(
      BenchRun run, int tasks, JsonNode ended, List<PageTimings> running, List<PageTimings> after) {
    String machine = Machine.oneLine() + ", load " + Machine.load();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Dashboard answer times, job of %,d tasks (%d succeeded, %d failed, %s); goal p95 <"
                + " %.0f ms%nmachine: %s%n",
            tasks,
            ended.get("counts").get("succeeded").asInt(),
            ended.get("counts").get("failed").asInt(),
            ended.get("state").asString(),
            GOAL_MS,
            machine));
    text.append(table("after the job ended (judged)", after));
    if (!running.isEmpty()) {
      text.append(table("while the job ran (not judged)", running));
    }
    System.out.print(text);
    run.results().text("pages.txt", text.toString());
    List<List<?>> rows = new ArrayList<>();
    for (PageTimings t : after) {
      rows.add(
          List.of(
              "ended", t.page(), tasks, t.count(), t.p50(), t.p95(), t.max(), t.meets(GOAL_MS)));
    }
    for (PageTimings t : running) {
      rows.add(
          List.of(
              "running", t.page(), tasks, t.count(), t.p50(), t.p95(), t.max(), t.meets(GOAL_MS)));
    }
    run.results()
        .csv(
            "pages",
            List.of(
                "phase",
                "page",
                "tasks",
                "requests",
                "p50_ms",
                "p95_ms",
                "max_ms",
                "p95_under_goal"),
            rows);
    run.results()
        .html(
            "pages",
            "Dashboard answer times, job of " + tasks + " tasks",
            List.of(
                Svg.bars(
                    "p95 per page after the job ended (goal " + (int) GOAL_MS + " ms)",
                    "ms",
                    after.stream().map(PageTimings::page).toList(),
                    after.stream().map(PageTimings::p95).toList())));
    PageTimings worst =
        after.stream().max(java.util.Comparator.comparingDouble(PageTimings::p95)).orElseThrow();
    long over = after.stream().filter(t -> !t.meets(GOAL_MS)).count();
    run.results()
        .row(
            "pages",
            String.format(Locale.ROOT, "%,d tasks, %d pages", tasks, after.size()),
            String.format(
                Locale.ROOT,
                "%d over %.0f ms (p95); worst %s p95 %.1f ms",
                over,
                GOAL_MS,
                worst.page(),
                worst.p95()));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("tasks", tasks);
    figures.put("pages", after.size());
    figures.put("pages_over_goal", over);
    figures.put("worst_p95_ms", worst.p95());
    figures.put("worst_page", worst.page().replaceAll("[^A-Za-z0-9]+", "_"));
    figures.put("running_pages", running.size());
    figures.put(
        "running_worst_p95_ms",
        running.stream().mapToDouble(PageTimings::p95).max().orElse(Double.NaN));
    return figures;
  }

  static String table(String title, List<PageTimings> timings) {
    int width = Math.max(20, timings.stream().mapToInt(t -> t.page().length()).max().orElse(0));
    StringBuilder table = new StringBuilder();
    table.append("  ").append(title).append('\n');
    table.append("  ").append(PageTimings.header(width)).append('\n');
    for (PageTimings t : timings) {
      table.append("  ").append(t.row(width, GOAL_MS)).append('\n');
    }
    return table.toString();
  }

  /** The worker of a failed task, a task that failed for good, and a deep cursor of the jobs. */
  private static Targets targets(FindocClient client, Targets early) {
    JsonNode failed =
        client.get("/api/batch/jobs/" + early.job() + "/tasks?state=FAILED&limit=100").get("items");
    String worker = null;
    int failedTask = early.failedTask();
    for (JsonNode task : failed) {
      JsonNode w = task.get("worker");
      if (worker == null && w != null && !w.isNull()) {
        worker = w.asString();
      }
    }
    if (failed.isEmpty()) {
      System.out.println("  (no task failed for good: the failure probes show empty tables)");
    } else {
      failedTask = failed.get(0).get("number").asInt();
    }
    return new Targets(
        early.job(),
        early.tasks(),
        worker,
        failedTask,
        early.retriedTask(),
        deepJobsCursor(client),
        early.webhook());
  }

  /** The cursor of the jobs list as deep as there are jobs, up to 2,000 jobs in. */
  private static String deepJobsCursor(FindocClient client) {
    for (int limit : new int[] {100, 5}) {
      String cursor = null;
      for (int page = 0; page < 20; page++) {
        JsonNode next =
            client
                .get(
                    "/api/batch/jobs?limit="
                        + limit
                        + (cursor == null
                            ? ""
                            : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                .get("next");
        if (next == null || next.isNull()) {
          break;
        }
        cursor = next.asString();
      }
      if (cursor != null) {
        return cursor;
      }
    }
    System.out.println("  (too few jobs for a deep page of the jobs list)");
    return null;
  }

  private static JsonNode awaitEnd(FindocClient client, String id, long t0)
      throws InterruptedException {
    JsonNode job = client.job(id);
    long lastPrint = System.nanoTime();
    while (!FindocJobs.finished(job)) {
      Thread.sleep(1000);
      job = client.job(id);
      if (System.nanoTime() - lastPrint > 10_000_000_000L) {
        System.out.printf("    %5.0f s  %,d done%n", (System.nanoTime() - t0) / 1e9, done(job));
        lastPrint = System.nanoTime();
      }
    }
    return job;
  }

  private static int done(JsonNode job) {
    JsonNode counts = job.get("counts");
    return counts.get("succeeded").asInt() + counts.get("failed").asInt();
  }

  /** A receiver of the webhook deliveries in this process, answering 204 to each. */
  private static HttpServer receiver() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  /**
   * An endpoint of the tenant for the job's events, at the receiver; null (and why, printed) where
   * the coordinator refuses loopback endpoints ({@code findoc.webhooks.allow-loopback}, which
   * {@code ./findoc bench} sets on a coordinator it starts).
   */
  private static String registerWebhook(FindocClient client, HttpServer receiver) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/findoc-bench");
    endpoint.put(
        "eventTypes",
        List.of(
            "batch.job.created",
            "batch.job.started",
            "batch.job.progress",
            "batch.job.completed",
            "batch.job.failed"));
    try {
      return client.call("POST", "/api/webhooks", endpoint, 201).get("id").asString();
    } catch (FindocClient.ApiException e) {
      System.out.println(
          "  no webhook endpoint (the delivery log is not timed): " + e.getMessage());
      return null;
    }
  }
}
