package io.findoc.batch.coordinator.dispatch;

import static io.findoc.batch.coordinator.testing.Reports.report;
import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.TaskError;
import io.findoc.batch.coordinator.testing.Dispatched;
import io.findoc.batch.coordinator.testing.StackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher takes a job's tasks in turn from a cursor on the job, and the tasks that become
 * dispatchable again after the cursor passed them out of turn: an attempt a worker handed back, a
 * new attempt after a retryable failure. No workers run: the test plays them.
 */
class DispatchCursorIT {

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of("findoc.retry.initial-backoff", "100ms", "findoc.retry.max-backoff", "200ms"));

  @Test
  void theCursorPassesEveryTaskOnceAndEachIsQueuedOnce() {
    String job = queued(aSubmission().tasks(50).json(), 50);

    assertThat(cursor(job)).isEqualTo(50);
    assertThat(published(job, 50)).hasSize(50).doesNotHaveDuplicates();
  }

  @Test
  void anAttemptHandedBackAfterTheCursorPassedItIsDispatchedAgain() {
    String job = queued(aSubmission().tasks(3).json(), 3);
    published(job, 3);
    assertThat(cursor(job)).isEqualTo(3);

    stack.reports().send(report(StatusKind.DEFERRED, job, 2, 1, null));

    assertThat(published(job, 4)).filteredOn(key -> key.equals(job + "/2")).hasSize(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.api().job(job).get("counts").get("queued").asInt() == 3);
  }

  @Test
  void aNewAttemptAfterARetryableFailureIsDispatchedAgain() {
    String job = queued(aSubmission().tasks(3).json(), 3);
    published(job, 3);

    stack
        .reports()
        .send(report(StatusKind.FAILED, job, 1, 1, new TaskError("FLAKY", "try again", true)));

    assertThat(published(job, 4)).filteredOn(key -> key.equals(job + "/1")).hasSize(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stack.api().get("/api/batch/jobs/" + job + "/tasks/1").body().get("attempt").asInt()
                    == 2);
  }

  private static String queued(String body, int tasks) {
    return Dispatched.queued(stack.api(), body, tasks);
  }

  private static int cursor(String job) {
    return stack
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT dispatch_cursor FROM job WHERE id = :job")
                    .bind("job", UUID.fromString(job))
                    .mapTo(Integer.class)
                    .one());
  }

  private static List<String> published(String job, int count) {
    return Dispatched.keys(stack.running(), job, count);
  }
}
