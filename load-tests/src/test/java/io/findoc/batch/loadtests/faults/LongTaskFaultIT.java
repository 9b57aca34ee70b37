package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FI-10 (a document that hangs its processor every time) and FI-11 (tasks that run longer than
 * {@code max.poll.interval.ms}), on a stack whose consumers have a 7 s poll interval and whose
 * workers stop an attempt after 12 s.
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
                "12s"));
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
