package io.findoc.batch.coordinator.dispatch;

import static io.findoc.batch.coordinator.testing.Reports.report;
import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.coordinator.testing.Dispatched;
import io.findoc.batch.coordinator.testing.StackExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dispatch rounds commit their claim, then publish: a published round leaves no record behind, and
 * a round whose coordinator died between its commit and the broker's acknowledgement (here: a
 * record of a round claimed by a coordinator that is gone) is published again by another, for the
 * attempts that are still QUEUED only. No workers run: the test plays them.
 */
class DispatchRoundIT {

  @RegisterExtension static final StackExtension stack = StackExtension.coordinatorOnly(Map.of());

  @Test
  void aPublishedRoundLeavesNoRecord() {
    String job = queued(aSubmission().tasks(20).json(), 20);

    assertThat(published(job, 20)).hasSize(20);
    await().atMost(Duration.ofSeconds(30)).until(() -> openRounds(job) == 0);
  }

  @Test
  void aRoundItsCoordinatorLeftUnpublishedIsPublishedAgainForItsStillQueuedAttempts() {
    String job = queued(aSubmission().tasks(3).json(), 3);
    published(job, 3);
    // Task 1 started meanwhile: its message did arrive, so it must not go out again.
    stack.reports().send(report(StatusKind.STARTED, job, 1, 1, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> taskState(job, 1).equals("RUNNING"));

    stack
        .jdbi()
        .useHandle(
            handle ->
                handle
                    .createUpdate(
                        """
                        INSERT INTO dispatch_round (claimed_by, retry_at, job_ids, numbers, attempts)
                        VALUES ('a-coordinator-that-died', now() - interval '1 second',
                                ARRAY[CAST(:job AS uuid), CAST(:job AS uuid), CAST(:job AS uuid)],
                                ARRAY[1, 2, 3], ARRAY[1, 1, 1])
                        """)
                    .bind("job", UUID.fromString(job))
                    .execute());

    await().atMost(Duration.ofSeconds(30)).until(() -> openRounds(job) == 0);
    assertThat(published(job, 5))
        .containsExactlyInAnyOrder(job + "/1", job + "/2", job + "/3", job + "/2", job + "/3");
    assertThat(
            stack
                .coordinator()
                .getBean(MeterRegistry.class)
                .counter("findoc.dispatch.rounds.retried")
                .count())
        .isPositive();
  }

  private static String queued(String body, int tasks) {
    return Dispatched.queued(stack.api(), body, tasks);
  }

  private static int openRounds(String job) {
    return stack
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT count(*) FROM dispatch_round WHERE CAST(:job AS uuid) = ANY(job_ids)")
                    .bind("job", UUID.fromString(job))
                    .mapTo(Integer.class)
                    .one());
  }

  private static String taskState(String job, int number) {
    return stack
        .api()
        .get("/api/batch/jobs/" + job + "/tasks/" + number)
        .body()
        .get("state")
        .asString();
  }

  private static List<String> published(String job, int count) {
    return Dispatched.keys(stack.running(), job, count);
  }
}
