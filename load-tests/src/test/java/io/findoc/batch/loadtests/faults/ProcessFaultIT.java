package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.loadtests.client.FindocClient;
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

  private static FaultStack stack;

  @BeforeAll
  static void up() {
    stack = FaultStack.start("process", 2, Map.of());
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void fi02KilledWhilePublishingReportsItsDuplicatesChangeNothing() throws Exception {
    FaultRun run = new FaultRun("FI-02", stack);
    String id = run.submit(5000, "simulate", Map.of("sleepMs", 2));
    await().atMost(Duration.ofMinutes(2)).until(() -> run.succeeded(id) >= 500);

    stack.signal("worker-2", "KILL");
    run.injected("kill -9 worker-2 while it reports (offsets committed after reports)");
    stack.up();
    run.faultRemoved();

    run.finish(RECOVERY);
    assertThat(run.succeeded(id)).isEqualTo(5000);
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
    CompletableFuture<String> submission =
        CompletableFuture.supplyAsync(() -> client.submit(big).get("id").asString());
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
            + " a 100,000-document submission");
    stack.up();
    String bigId = null;
    try {
      bigId = submission.join();
    } catch (RuntimeException refused) {
      System.out.println(
          "FAULT FI-05: the interrupted submission was not accepted: "
              + refused
              + (refused.getCause() == null ? "" : " caused by " + refused.getCause().getCause()));
    }
    if (bigId != null) {
      run.accepted(bigId, 100_000);
    }
    try (var db = stack.db();
        var q = db.prepareStatement("SELECT count(*) FROM job WHERE name = 'FI-05 big'");
        var rs = q.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1))
          .as("jobs stored of the interrupted submission")
          .isLessThanOrEqualTo(bigId == null ? 0 : 1);
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
    run.injected("kill -9 the PostgreSQL server under load, then start it again");
    Thread.sleep(3_000); // the fault itself: the database stays away a few seconds
    stack.up();
    run.faultRemoved();

    run.finish(RECOVERY);
    assertThat(run.succeeded(id)).isEqualTo(3000);
  }
}
