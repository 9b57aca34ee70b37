package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.loadtests.client.FindocClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults of processes under load, on one stack of real processes (two workers): FI-02 (a worker
 * killed while it publishes reports faster than it commits), FI-03 (a worker stopped past its
 * lease, then continued), FI-04 (rolling SIGTERM), FI-05 (the coordinator killed during submission,
 * dispatch and aggregation), FI-07 (broker restart) and FI-08 (PostgreSQL restart).
 */
@Tag("faults")
@Tag("slow")
class ProcessFaultIT {

  private static final Duration RECOVERY = Duration.ofMinutes(4);

  /** The stack's lease (FaultStack's FINDOC_LEASE_DURATION). */
  private static final Duration LEASE = Duration.ofSeconds(8);

  /** While this file exists, the next worker to have a final report acknowledged halts. */
  private static final Path HALT_AFTER_REPORT =
      FaultStack.varOf("process").resolve("halt-after-report");

  private static FaultStack stack;

  @BeforeAll
  static void up() {
    stack =
        FaultStack.start(
            "process",
            2,
            Map.of("FINDOC_WORKER_FAULTS_HALTAFTERREPORTFILE", HALT_AFTER_REPORT.toString()));
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  /**
   * The window between a final report on the broker and its task's offset commit: a worker halts
   * there (its fault hook, as a {@code kill -9} at that moment), so the task runs again and its
   * final report arrives twice; the duplicate changes nothing.
   */
  @Test
  void fi02KilledWhilePublishingReportsItsDuplicatesChangeNothing() throws Exception {
    FaultRun run = new FaultRun("FI-02", stack);
    String id = run.submit(5000, "simulate", Map.of("sleepMs", 2));
    await().atMost(Duration.ofMinutes(2)).until(() -> run.succeeded(id) >= 500);

    Files.createFile(HALT_AFTER_REPORT);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> !Files.exists(HALT_AFTER_REPORT) && !stack.deadWorkers().isEmpty());
    run.injected(
        "halt "
            + stack.deadWorkers()
            + " right after the broker acknowledged a final report, before its offset commit");
    stack.up();
    run.faultRemoved();

    InvariantChecker.Findings findings = run.finish(RECOVERY);
    assertThat(run.succeeded(id)).isEqualTo(5000);
    assertThat(findings.duplicateFinalReports())
        .as("final reports that arrived twice (the window was hit)")
        .isPositive();
  }

  @Test
  void fi03AWorkerStoppedPastItsLeaseHasItsLateResultsFencedOut() throws Exception {
    FaultRun run = new FaultRun("FI-03", stack);
    String id = run.submit(120, "simulate", Map.of("sleepMs", 2000));
    await().atMost(Duration.ofMinutes(2)).until(() -> run.running(id) >= 8);

    long pid = stack.pid("worker-1");
    stack.signal(pid, "STOP");
    run.injected("SIGSTOP worker-1 for 15 s (lease 8 s)");
    Thread.sleep(15_000); // the fault itself: the worker stays frozen past its lease
    stack.signal(pid, "CONT");
    run.injected("SIGCONT worker-1");
    run.faultRemoved();

    InvariantChecker.Findings findings = run.finish(RECOVERY);
    assertThat(run.succeeded(id)).isEqualTo(120);
    assertThat(findings.reRunTasks()).as("tasks handed out again after the lease").isPositive();
    assertThat(findings.lateFinalReports())
        .as("final reports of superseded attempts that arrived, and were fenced out")
        .isPositive();
  }

  @Test
  void fi04RollingSigtermFailsNoTask() throws Exception {
    FaultRun run = new FaultRun("FI-04", stack);
    List<String> jobs = new ArrayList<>();
    for (String worker : List.of("worker-1", "worker-2")) {
      // A job of its own per stop (about 12 s of work for two workers of eight threads), so the
      // stop always finds it running, however long the restart before it took.
      String id = run.submit(2000, "simulate", Map.of("sleepMs", 100));
      jobs.add(id);
      await().atMost(Duration.ofMinutes(2)).until(() -> run.succeeded(id) >= 100);
      stack.signal(worker, "TERM");
      run.injected(
          "SIGTERM " + worker + " at " + run.succeeded(id) + " of 2000, then start it again");
      stack.up();
    }
    run.faultRemoved();

    InvariantChecker.Findings findings = run.finish(RECOVERY);
    for (String id : jobs) {
      assertThat(run.succeeded(id)).isEqualTo(2000);
    }
    // A task failed by the shutdown would have been retried as attempt 2: none may be.
    assertThat(findings.reRunTasks()).as("tasks failed or lost because of shutdown").isZero();
  }

  @Test
  void fi05TheCoordinatorKilledDuringSubmissionDispatchAndAggregationResumes() throws Exception {
    FaultRun run = new FaultRun("FI-05", stack);
    FindocClient client = stack.client();
    Map<String, Object> big = new LinkedHashMap<>();
    big.put("name", "FI-05 big");
    big.put("processor", "noop");
    List<Map<String, Object>> docs = new ArrayList<>();
    for (int i = 1; i <= 100_000; i++) {
      docs.add(Map.of("id", "d" + i, "text", "x"));
    }
    big.put("documents", docs);
    byte[] json = Json.mapper().writeValueAsBytes(big);
    String key = "fi-05-" + System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> submission =
        CompletableFuture.supplyAsync(() -> client.submitIdempotently(json, key));
    // The kill lands while the coordinator copies the documents into PostgreSQL.
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> submission.isDone() || copying());
    boolean during = !submission.isDone();
    stack.signal("coordinator", "KILL");
    run.injected(
        "kill -9 coordinator "
            + (during ? "while it copied" : "after")
            + " a 100,000-document submission with an Idempotency-Key");
    stack.up();
    String firstId = null;
    try {
      HttpResponse<byte[]> first = submission.join();
      System.out.println("FAULT FI-05: the interrupted submission answered " + first.statusCode());
      if (first.statusCode() == 202) {
        firstId = FindocClient.acceptedJobId(first);
      }
    } catch (RuntimeException lost) {
      System.out.println("FAULT FI-05: the interrupted submission got no answer: " + lost);
    }
    // As a client would after a lost answer: the same submission again, with the same key.
    HttpResponse<byte[]> again = client.submitIdempotently(json, key);
    run.injected("the submission sent again with its Idempotency-Key: " + again.statusCode());
    assertThat(again.statusCode()).as("the resent submission").isIn(200, 202);
    String bigId = Json.mapper().readTree(again.body()).get("id").asString();
    if (firstId != null) {
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(bigId).isEqualTo(firstId);
    }
    run.accepted(bigId, 100_000);
    try (var db = stack.db();
        var q = db.prepareStatement("SELECT count(*) FROM job WHERE name = 'FI-05 big'");
        var rs = q.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).as("jobs stored of the interrupted submission").isEqualTo(1);
    }

    String id = run.submit(3000, "simulate", Map.of("sleepMs", 5));
    await().atMost(Duration.ofMinutes(2)).until(() -> run.succeeded(id) >= 300);
    stack.signal("coordinator", "KILL");
    run.injected("kill -9 coordinator while it dispatches and aggregates");
    stack.up();
    run.faultRemoved();

    run.finish(RECOVERY);
    assertThat(run.succeeded(id)).isEqualTo(3000);
  }

  /** Whether a submission's {@code COPY} into the task table is running. */
  private static boolean copying() throws Exception {
    try (var db = stack.db();
        var q =
            db.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                    + " AND query ILIKE 'COPY%task%'");
        var rs = q.executeQuery()) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  @Test
  void fi07ProducersAndConsumersRecoverFromABrokerRestart() throws Exception {
    FaultRun run = new FaultRun("FI-07", stack);
    String id = run.submit(3000, "simulate", Map.of("sleepMs", 5));
    await().atMost(Duration.ofMinutes(2)).until(() -> run.succeeded(id) >= 300);

    stack.signal("kafka", "TERM");
    run.injected("restart the Kafka broker (SIGTERM, start again)");
    stack.up();
    run.faultRemoved();

    run.finish(RECOVERY);
    assertThat(run.succeeded(id)).isEqualTo(3000);
  }

  @Test
  void fi08APostgresRestartLeavesNoPartialCounts() throws Exception {
    FaultRun run = new FaultRun("FI-08", stack);
    String id = run.submit(3000, "simulate", Map.of("sleepMs", 5));
    await().atMost(Duration.ofMinutes(2)).until(() -> run.succeeded(id) >= 300);

    stack.stopPostgres();
    run.injected(
        "kill -9 the PostgreSQL server under load, keep it away for twice the lease ("
            + LEASE.multipliedBy(2).toSeconds()
            + " s), then start it again");
    Thread.sleep(LEASE.multipliedBy(2).toMillis()); // the fault itself: the database stays away
    stack.up();
    run.faultRemoved();

    InvariantChecker.Findings findings = run.finish(RECOVERY);
    assertThat(run.succeeded(id)).isEqualTo(3000);
    // The heartbeats sent meanwhile wait on the status topic: no lease may expire for them.
    assertThat(findings.reRunTasks()).as("tasks handed out again after the outage").isZero();
  }
}
