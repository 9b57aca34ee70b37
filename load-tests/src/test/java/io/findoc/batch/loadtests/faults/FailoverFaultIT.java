package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.event.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FI-06: three coordinators on one database and one broker, and two of them killed with {@code kill
 * -9}, one after the other, during a 100,000-task job and during webhook delivery; the last one
 * finishes every job. Each kill hits the coordinator aggregating the big job (a job's reports go to
 * the status partition of its id), so its aggregation moves twice. {@link DutyTakeover} times how
 * long the survivors take to do each duty the dead one shared: the outbox relay, the webhook
 * deliverer (new attempts, and the deliveries in flight at the kill), the dead one's dispatch
 * rounds and its status partitions; at the second kill also the duties that had work in flight: the
 * compensation dispatcher (a job rolling back), the dependency resolver (a job waiting for a paused
 * one, resumed through the last coordinator), and then the lease reaper (a worker killed after the
 * second coordinator: its tasks' leases run out with only the last coordinator to reap them).
 * Printed as {@code FAULT FI-06 takeover}. Every job ends as it should, with every invariant
 * ({@link FaultRun#finish}), and each watched job's events reach its webhook once by id, with one
 * completion ({@link EventChecker}, INV-7), across both kills.
 */
@Tag("faults")
@Tag("slow")
class FailoverFaultIT {

  private static final int COORDINATORS = 3;
  private static final int BIG = 100_000;

  /**
   * The tasks of each job whose events a webhook receives across a kill: slow enough (1.5 s each)
   * that the job still runs, and its deliveries go on, when the kill comes.
   */
  private static final int WATCHED = 300;

  private static FaultStack stack;

  @BeforeAll
  static void up() {
    Map<String, String> settings = new HashMap<>(FaultStack.WEBHOOKS_TO_THIS_HOST);
    // Longer than the status group's session timeout (10 s), as a lease must be with several
    // coordinators (LeaseSettings): the suite's 8 s would hand out the tasks of healthy workers
    // whose heartbeats wait on a dead coordinator's partitions.
    settings.put("FINDOC_LEASE_DURATION", "20s");
    stack = FaultStack.start("failover", 3, COORDINATORS, settings);
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void fi06WhenTwoOfThreeCoordinatorsAreKilledTheLastFinishesEveryJob() throws Exception {
    FaultRun run = new FaultRun("FI-06", stack);
    try (WebhookReceiver firstReceiver = new WebhookReceiver();
        WebhookReceiver secondReceiver = new WebhookReceiver();
        StatusGroup group = new StatusGroup(stack)) {
      await()
          .atMost(Duration.ofMinutes(3))
          .ignoreExceptions()
          .until(() -> group.heldBy(COORDINATORS));

      String big = run.submit(BIG, "simulate", Map.of("sleepMs", 10));
      String firstWatched = watchedJob(run, firstReceiver);
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> run.succeeded(big) >= BIG / 100 && taskEvents(firstReceiver) >= 30);
      assertThat(state(firstWatched)).as("the first watched job at the kill").isEqualTo("RUNNING");

      // The first kill: the big job's aggregator, while both jobs run.
      int first = group.aggregatorOf(big, COORDINATORS);
      stack.useCoordinator(survivor(first, first));
      Map<String, Optional<Duration>> firstTakeover =
          kill(
              run,
              first,
              "while the 100,000-task job and a webhook's job run",
              Map.of("status partitions", () -> group.heldBy(COORDINATORS - 1)));
      assertThat(firstTakeover.get("outbox relay"))
          .hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(30)));

      // Work in flight for the duties the last coordinator takes over at the second kill: a job
      // rolling back, a job waiting for a paused one, and a webhook's job.
      // A few compensations that outlast the wait for the second watched job's events, on a
      // few of the workers' threads: the rollback is still running at the second kill.
      String rollingBack =
          run.submit(
              8,
              "simulate",
              Map.of(
                  "sleepMs",
                  1000,
                  "compensationSleepMs",
                  40_000,
                  "failDocuments",
                  List.of("doc-8")),
              Map.of(
                  "priority", "high",
                  "retry", Map.of("maxAttempts", 1),
                  "failurePolicy",
                      Map.of(
                          "threshold",
                          Map.of("count", 1),
                          "failFast",
                          false,
                          "onFailure",
                          "rollback")));
      String prerequisite = run.submit(20, "simulate", Map.of("sleepMs", 5));
      stack.client().put("/api/batch/jobs/" + prerequisite + "/pause");
      String dependent =
          run.submit(
              20,
              "simulate",
              Map.of("sleepMs", 5),
              Map.of("priority", "high", "dependsOn", List.of(prerequisite)));
      await().atMost(Duration.ofMinutes(3)).until(() -> state(rollingBack).equals("ROLLING_BACK"));
      String secondWatched = watchedJob(run, secondReceiver);
      await().atMost(Duration.ofMinutes(1)).until(() -> taskEvents(secondReceiver) >= 30);

      // The second kill: the big job's aggregator again, with a job rolling back.
      int second = group.aggregatorOf(big, COORDINATORS);
      assertThat(second).as("the big job's aggregator after the first kill").isNotEqualTo(first);
      int last = survivor(first, second);
      stack.useCoordinator(last);
      assertThat(state(big)).as("the big job at the second kill").isEqualTo("RUNNING");
      assertThat(state(secondWatched))
          .as("the second watched job at the kill")
          .isEqualTo("RUNNING");
      assertThat(state(rollingBack)).as("the rollback at the kill").isEqualTo("ROLLING_BACK");
      Map<String, Optional<Duration>> secondTakeover =
          kill(
              run,
              second,
              "while the big job, a webhook's job and a rollback run",
              Map.of(
                  "status partitions",
                  () -> group.heldBy(1),
                  "compensation dispatcher (rollback finished)",
                  () -> state(rollingBack).equals("ROLLED_BACK")));
      assertThat(secondTakeover.get("outbox relay"))
          .hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(30)));

      // The dependency resolver: the prerequisite resumed through the last coordinator.
      stack.client().put("/api/batch/jobs/" + prerequisite + "/resume");
      run.injected("the prerequisite of a waiting job resumed through coordinator " + last);
      await().atMost(Duration.ofMinutes(2)).until(() -> !state(dependent).equals("WAITING"));
      System.out.println(
          "FAULT FI-06 takeover: the dependent job queued "
              + dependencyDelay(prerequisite, dependent).toMillis()
              + "ms after its prerequisite finished, with one coordinator left");

      // The lease reaper: a worker dies with tasks on it; only the last coordinator can reap them.
      String slow =
          run.submit(120, "simulate", Map.of("sleepMs", 2000), Map.of("priority", "high"));
      WorkerKill workerKill = killWorkerAndAwaitReaped(run, slow, "worker-3");
      System.out.println(
          "FAULT FI-06 takeover: the leases of the killed worker's "
              + workerKill.running()
              + " tasks reaped "
              + workerKill.reaped().toMillis()
              + "ms after its kill");
      run.faultRemoved();

      InvariantChecker.Findings findings = run.finish(Duration.ofMinutes(6));
      // Nothing ran twice for the coordinators' deaths: no lease judged lost while its heartbeats
      // waited on a dead coordinator's partitions, no dispatch round sent by two. Only the killed
      // worker's tasks ran again.
      assertThat(findings.reRunTasks())
          .as("tasks re-run, besides those of the killed worker")
          .isLessThanOrEqualTo((int) workerKill.running());
      assertThat(findings.startedTwice())
          .as("attempts started twice, besides those of the killed worker")
          .isLessThanOrEqualTo((int) workerKill.running());
      assertThat(run.succeeded(big)).isEqualTo(BIG);
      assertThat(state(rollingBack)).isEqualTo("ROLLED_BACK");
      assertThat(state(dependent)).isEqualTo("COMPLETED");
      checkEvents(firstWatched, firstReceiver);
      checkEvents(secondWatched, secondReceiver);
    }
  }

  /** A job of {@link #WATCHED} tasks whose every event goes to {@code receiver}'s webhook. */
  private static String watchedJob(FaultRun run, WebhookReceiver receiver) {
    JsonNode watched =
        run.submitAnswered(
            WATCHED,
            "simulate",
            Map.of("sleepMs", 1500),
            Map.of(
                "webhooks",
                List.of(
                    Map.of(
                        "url",
                        receiver.url(),
                        "events",
                        Arrays.stream(EventType.values()).map(EventType::wireName).toList()))));
    receiver.secret(watched.get("webhooks").get(0).get("secret").asString());
    return watched.get("id").asString();
  }

  private static long taskEvents(WebhookReceiver receiver) {
    return receiver.received().stream().filter(r -> r.type().startsWith("batch.task.")).count();
  }

  /** The coordinator that stays running when {@code a} and {@code b} are killed. */
  private static int survivor(int a, int b) {
    for (int n = COORDINATORS; n >= 1; n--) {
      if (n != a && n != b) {
        return n;
      }
    }
    throw new IllegalArgumentException("no survivor");
  }

  private static Map<String, Optional<Duration>> kill(
      FaultRun run, int coordinator, String during, Map<String, Callable<Boolean>> others)
      throws Exception {
    DutyTakeover takeover = DutyTakeover.kill(stack, FaultStack.coordinator(coordinator), others);
    run.injected("kill -9 coordinator " + coordinator + " " + during + "; it stays dead");
    Map<String, Optional<Duration>> taken = takeover.await(Duration.ofMinutes(3));
    System.out.println(
        "FAULT FI-06 takeover after the kill of coordinator "
            + coordinator
            + ": "
            + taken.entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + " "
                            + e.getValue().map(d -> d.toMillis() + "ms").orElse("(none in flight)"))
                .collect(Collectors.joining(", "))
            + "; "
            + takeover.victimRounds()
            + " rounds of the dead and "
            + takeover.inFlightDeliveries()
            + " webhook deliveries in flight at the kill");
    return taken;
  }

  /** A worker killed with {@code running} tasks on it, reaped {@code reaped} after the kill. */
  private record WorkerKill(long running, Duration reaped) {}

  /**
   * Kills the worker with tasks running on it; returns how many and how long until none of its
   * tasks was still RUNNING on it (each moved back by the lease reaper, or finished by a redelivery
   * elsewhere).
   */
  private static WorkerKill killWorkerAndAwaitReaped(FaultRun run, String job, String worker)
      throws Exception {
    // The slow job's tasks, not the big job's last ones: those end before the kill lands.
    await().atMost(Duration.ofMinutes(1)).until(() -> runningOn(job, worker) > 0);
    long killed = System.nanoTime();
    stack.signal(worker, "KILL");
    long running = runningOn(job, worker);
    run.injected("kill -9 " + worker + " with " + running + " tasks running on it");
    await().atMost(Duration.ofMinutes(2)).until(() -> runningOn(job, worker) == 0);
    return new WorkerKill(running, Duration.ofNanos(System.nanoTime() - killed));
  }

  /**
   * How many of the job's tasks run on the worker ({@code ./findoc} names each worker's id after
   * it).
   */
  private static long runningOn(String job, String worker) throws SQLException {
    try (Connection db = stack.db();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT count(*) FROM task WHERE job_id = ?::uuid AND state = 'RUNNING' AND worker = ?")) {
      statement.setString(1, job);
      statement.setString(2, worker);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** How long after its prerequisite finished the dependent job was queued. */
  private static Duration dependencyDelay(String prerequisite, String dependent)
      throws SQLException {
    try (Connection db = stack.db();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT 1000 * extract(epoch FROM"
                    + " (SELECT min(at) FROM job_history WHERE job_id = ? AND to_state = 'QUEUED')"
                    + " - (SELECT finished_at FROM job WHERE id = ?))")) {
      statement.setObject(1, UUID.fromString(dependent));
      statement.setObject(2, UUID.fromString(prerequisite));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return Duration.ofMillis(Math.round(rows.getDouble(1)));
      }
    }
  }

  private static String state(String jobId) {
    return stack.client().job(jobId).get("state").asString();
  }

  private static void checkEvents(String jobId, WebhookReceiver receiver) throws Exception {
    EventChecker checker = new EventChecker(stack);
    checker.awaitArrived(jobId, receiver, Duration.ofMinutes(2));
    EventChecker.Findings events = checker.check(jobId, WATCHED, receiver.received());
    System.out.println("FAULT FI-06 events of " + jobId + " RESULT " + events);
    assertThat(events.violations()).as("events of %s across the kills", jobId).isEmpty();
  }
}
