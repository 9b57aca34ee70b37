package io.findoc.batch.coordinator.control;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.coordinator.testing.Awaits;
import io.findoc.batch.coordinator.testing.Counters;
import io.findoc.batch.coordinator.testing.StackExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Pause, resume, cancel and task dependencies with real workers: coordinator and two workers (eight
 * processor threads each) over the real broker and PostgreSQL.
 */
class ControlEndToEndIT {

  @RegisterExtension static final StackExtension stack = StackExtension.withWorkers(2);

  @Test
  void aPausedJobStopsStartingTasksAndFinishesEveryOneAfterResume() {
    // Long enough (300 x 200 ms over 16 threads: about 4 s) that the pause lands mid-job even on
    // a quiet machine; with 30 ms tasks the job could finish before the pause arrived.
    String id =
        stack
            .api()
            .submit(aSubmission().processor("simulate").tasks(300).option("sleepMs", 200).json());
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(id).get("succeeded").asInt() > 20);

    stack.api().put("/api/batch/jobs/" + id + "/pause");

    // Quiet: what was running finished, what the workers held came back deferred.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode counts = counts(id);
              return counts.get("running").asInt() == 0 && counts.get("queued").asInt() == 0;
            });
    int succeededWhilePaused = counts(id).get("succeeded").asInt();
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> counts(id).get("succeeded").asInt() == succeededWhilePaused);
    assertThat(succeededWhilePaused).isLessThan(300);
    assertThat(stack.api().job(id).get("state").asString()).isEqualTo("PAUSED");
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), id)).isTrue();

    stack.api().put("/api/batch/jobs/" + id + "/resume");

    JsonNode done = Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "COMPLETED");
    assertThat(done.get("counts").get("succeeded").asInt()).isEqualTo(300);
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), id)).isTrue();
  }

  @Test
  void cancellingStopsRunningTasksAndFreesTheWorkersAtOnce() {
    // Forty attempts that would sleep a minute hold the processor threads: eight per worker, of
    // one worker at least (how many each holds depends on which partitions it has been given).
    String sleeper =
        stack
            .api()
            .submit(aSubmission().processor("simulate").tasks(40).option("sleepMs", 60_000).json());
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(sleeper).get("running").asInt() >= 8);

    JsonNode cancelled = stack.api().delete("/api/batch/jobs/" + sleeper).body();

    assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("counts").get("cancelled").asInt()).isEqualTo(40);
    String next = stack.api().submit(aSubmission().tasks(10).json());
    Awaits.jobReaches(stack.api(), next, Duration.ofSeconds(30), "COMPLETED");
    assertThat(Counters.agreeWithTaskRows(stack.jdbi(), sleeper)).isTrue();
  }

  @Test
  void dependentTasksStartOnlyAfterTheirPrerequisitesFinished() {
    String id =
        stack
            .api()
            .submit(
                aSubmission()
                    .name("chain")
                    .processor("simulate")
                    .option("sleepMs", 20)
                    .diamond()
                    .json());

    Awaits.jobReaches(stack.api(), id, Duration.ofSeconds(60), "COMPLETED");

    assertThat(started(id, 2)).isAfterOrEqualTo(finished(id, 1));
    assertThat(started(id, 3)).isAfterOrEqualTo(finished(id, 1));
    assertThat(started(id, 4)).isAfterOrEqualTo(finished(id, 2)).isAfterOrEqualTo(finished(id, 3));
  }

  private static JsonNode counts(String id) {
    return stack.api().job(id).get("counts");
  }

  private static Instant started(String id, int number) {
    return Instant.parse(task(id, number).get("startedAt").asString());
  }

  private static Instant finished(String id, int number) {
    return Instant.parse(task(id, number).get("finishedAt").asString());
  }

  private static JsonNode task(String id, int number) {
    return stack.api().get("/api/batch/jobs/" + id + "/tasks/" + number).body();
  }
}
