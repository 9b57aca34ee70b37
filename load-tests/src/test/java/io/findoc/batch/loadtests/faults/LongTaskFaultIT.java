package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.event.EventType;
import io.findoc.batch.common.state.JobState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FI-10 (a document that hangs its processor every time, and one that crashes its worker process
 * every time), FI-11 (tasks that run longer than {@code max.poll.interval.ms}) and FI-12 (a webhook
 * receiver that refuses connections for minutes), on a stack whose consumers have a 7 s poll
 * interval, whose workers stop an attempt after 12 s and let the {@code simulate} processor crash
 * them, and whose webhook retries back off from 1 s to 10 s.
 */
@Tag("faults")
@Tag("slow")
class LongTaskFaultIT {

  private static FaultStack stack;

  @BeforeAll
  static void up() {
    stack =
        FaultStack.start(
            "long",
            2,
            Map.of(
                "SPRING_APPLICATION_JSON",
                "{\"spring\":{\"kafka\":{\"consumer\":{\"properties\":"
                    + "{\"max.poll.interval.ms\":\"7000\"}}}}}",
                "FINDOC_WORKER_ATTEMPTTIMEOUT",
                "12s",
                "FINDOC_WORKER_FAULTS_ALLOWCRASHDOCUMENTS",
                "true",
                "FINDOC_WEBHOOKS_ALLOWLOOPBACK",
                "true",
                "FINDOC_WEBHOOKS_TIMEOUT",
                "2s",
                "FINDOC_WEBHOOKS_INITIALBACKOFF",
                "1s",
                "FINDOC_WEBHOOKS_MAXBACKOFF",
                "10s",
                "FINDOC_EVENTS_PROGRESSINTERVAL",
                "1s"));
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void fi10AHangingDocumentFailsAfterItsAttemptsWhileOtherTasksFlow() throws Exception {
    FaultRun run = new FaultRun("FI-10", stack);
    String hanging =
        run.submit(2, "simulate", Map.of("hang", true), Map.of("retry", Map.of("maxAttempts", 2)));
    String flowing = run.submit(500, "simulate", Map.of("sleepMs", 5));
    run.injected("2 documents whose processor hangs on every attempt (maxAttempts 2)");

    run.finish(Duration.ofMinutes(3));
    JsonNode job = stack.client().job(hanging);
    assertThat(job.get("state").asString()).isEqualTo("FAILED");
    JsonNode task = stack.client().get("/api/batch/jobs/" + hanging + "/tasks/1");
    assertThat(task.get("error").get("code").asString()).isEqualTo("ATTEMPT_TIMEOUT");
    assertThat(task.get("attempt").asInt()).isEqualTo(2);
    assertThat(run.succeeded(flowing)).isEqualTo(500);
  }

  /**
   * A document whose processor ends the worker process on every attempt (a native parser's crash):
   * the workers are started again as their supervisor would; the document fails after its attempts
   * with a code that says so, its final task event is written, and the other tasks flow (tasks that
   * ran beside it when it crashed a worker run again as their next attempt).
   */
  @Test
  void fi10ADocumentThatCrashesItsWorkerFailsAfterItsAttemptsWhileOthersFlow() throws Exception {
    FaultRun run = new FaultRun("FI-10 crash", stack);
    String flowing = run.submit(500, "simulate", Map.of("sleepMs", 20));
    String crashing =
        run.submit(
            1,
            "simulate",
            Map.of("crashDocuments", List.of("doc-1")),
            Map.of("retry", Map.of("maxAttempts", 3), "taskEvents", true));
    run.injected("a document that halts its worker on every attempt (maxAttempts 3)");

    int restarts = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (!finished(crashing) && System.nanoTime() < deadline) {
      List<String> dead = stack.deadWorkers();
      if (!dead.isEmpty()) {
        restarts += dead.size();
        System.out.println("FAULT FI-10 crash: " + dead + " ended; starting them again");
        stack.up();
      }
      Thread.sleep(500); // the supervisor's look at its processes
    }
    if (!stack.deadWorkers().isEmpty()) {
      stack.up();
    }
    run.faultRemoved();

    run.finish(Duration.ofMinutes(3));
    JsonNode task = stack.client().get("/api/batch/jobs/" + crashing + "/tasks/1");
    System.out.println(
        "FAULT FI-10 crash: "
            + restarts
            + " worker restarts; the document ended "
            + task.get("state").asString()
            + " with "
            + task.get("error"));
    assertThat(restarts).as("worker processes the document ended").isPositive();
    assertThat(task.get("state").asString()).isEqualTo("FAILED");
    assertThat(task.get("error").get("code").asString()).isIn("WORKER_CRASHED", "LEASE_EXPIRED");
    assertThat(task.get("attempt").asInt()).isEqualTo(3);
    assertThat(stack.client().job(crashing).get("state").asString()).isEqualTo("FAILED");
    assertThat(run.succeeded(flowing)).isEqualTo(500);
    assertThat(
            new EventChecker(stack)
                .outbox(crashing).stream()
                    .filter(e -> e.type().equals("batch.task.failed"))
                    .map(EventChecker.Event::taskNumber))
        .containsExactly(1);
  }

  private static boolean finished(String job) {
    try {
      return JobState.valueOf(stack.client().job(job).get("state").asString()).isFinished();
    } catch (RuntimeException coordinatorBusy) {
      return false;
    }
  }

  /**
   * A receiver that refuses connections for two minutes while a job's events pile up, then comes
   * back on the same address: every event arrives, once per id, signed, with the id it had on every
   * attempt.
   */
  @Test
  void fi12AReceiverThatRefusesConnectionsForMinutesGetsEveryEventWhenItIsBack() throws Exception {
    FaultRun run = new FaultRun("FI-12", stack);
    int port;
    try (WebhookReceiver gone = new WebhookReceiver()) {
      port = gone.port();
    }
    String url = "http://127.0.0.1:" + port + "/events";
    JsonNode answer =
        run.submitAnswered(
            100,
            "simulate",
            // About 3 s of work: long enough for progress events (a job done within one status
            // batch has none).
            Map.of("sleepMs", 500),
            Map.of(
                "webhooks",
                List.of(
                    Map.of(
                        "url",
                        url,
                        "events",
                        Arrays.stream(EventType.values()).map(EventType::wireName).toList()))));
    String id = answer.get("id").asString();
    String secret = answer.get("webhooks").get(0).get("secret").asString();
    run.injected("the job's webhook receiver refuses connections (nothing listens on its port)");
    run.finish(Duration.ofMinutes(2));
    Thread.sleep(Duration.ofMinutes(2).toMillis()); // the fault itself: the receiver stays away

    try (WebhookReceiver back = new WebhookReceiver(port)) {
      back.secret(secret);
      run.injected("the receiver listens again on its port after 2 minutes");
      run.faultRemoved();
      EventChecker checker = new EventChecker(stack);
      checker.awaitArrived(id, back, Duration.ofMinutes(2));
      EventChecker.Findings findings = checker.check(id, 100, back.received());
      int fewestAttempts;
      try (var db = stack.db();
          var q =
              db.prepareStatement(
                  "SELECT min(d.attempt) FROM webhook_delivery d JOIN job_event e"
                      + " ON e.id = d.event_id WHERE e.job_id = CAST(? AS uuid)")) {
        q.setString(1, id);
        try (var rs = q.executeQuery()) {
          rs.next();
          fewestAttempts = rs.getInt(1);
        }
      }
      System.out.println(
          "FAULT FI-12 RESULT receiver away 120 s; "
              + findings
              + " fewest attempts of a delivery="
              + fewestAttempts);
      assertThat(findings.violations()).as("events after the receiver came back").isEmpty();
      assertThat(fewestAttempts).as("every delivery was refused before it went").isGreaterThan(1);
    }
  }

  @Test
  void fi11TasksLongerThanThePollIntervalRunOnceWithoutRebalances() throws Exception {
    FaultRun run = new FaultRun("FI-11", stack);
    String id = run.submit(6, "simulate", Map.of("sleepMs", 9_000));
    run.injected("6 tasks of 9 s with max.poll.interval.ms 7 s");

    InvariantChecker.Findings findings = run.finish(Duration.ofMinutes(3));
    assertThat(run.succeeded(id)).isEqualTo(6);
    assertThat(findings.reRunTasks()).as("tasks run twice").isZero();
    assertThat(findings.startedTwice()).as("attempts started twice").isZero();
    assertThat(findings.duplicateFinalReports()).isZero();
  }
}
