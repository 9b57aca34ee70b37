package io.findoc.batch.coordinator.store;

import static io.findoc.batch.coordinator.testing.StoreDatabase.reports;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.testing.StoreDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TaskStore}'s report statements against PostgreSQL: each moves a task only
 * from the states it names and only for the task's current attempt, so a duplicate or a stale
 * report changes no row; leases are judged at a time the test gives, so nothing waits.
 */
class TaskStoreIT {

  private static final String LEASE = "30 seconds";
  private static final String NO_GRACE = "0 seconds";

  private static StoreDatabase db;
  private static Jdbi jdbi;

  @BeforeAll
  static void migrate() {
    db = StoreDatabase.migrated();
    jdbi = db.jdbi();
  }

  @Test
  void reportsOfAnotherAttemptChangeNoRow() {
    UUID job = db.job(1, 3, "complete");

    TaskStore.Reports stale = reports(job, 2, 1);
    assertThat(rows(s -> s.startIfPublished(stale, LEASE))).isEmpty();
    assertThat(rows(s -> s.succeedIfActive(stale))).isEmpty();
    assertThat(rows(s -> s.failIfActive(stale))).isEmpty();
    assertThat(rows(s -> s.retryIfActive(stale))).isEmpty();
    assertThat(rows(s -> s.deferIfPublished(stale))).isEmpty();
    assertThat(db.state(job, 1)).isEqualTo(TaskState.PENDING);

    assertThat(rows(s -> s.startIfPublished(reports(job, 1, 1), LEASE))).hasSize(1);
    assertThat(count(s -> s.extendLease(stale, LEASE))).isZero();
    assertThat(count(s -> s.extendLease(reports(job, 1, 1), LEASE))).isOne();
  }

  @Test
  void aTaskThatFinishedIsMovedByNoReport() {
    UUID job = db.job(1, 3, "complete");
    TaskStore.Reports first = reports(job, 1, 1);
    List<TaskTransition> succeeded = tasks(s -> s.succeedIfActive(first));
    assertThat(succeeded)
        .singleElement()
        .extracting(TaskTransition::previousState)
        .isEqualTo(TaskState.PENDING);

    assertThat(rows(s -> s.succeedIfActive(first))).isEmpty();
    assertThat(rows(s -> s.startIfPublished(first, LEASE))).isEmpty();
    assertThat(rows(s -> s.failIfActive(first))).isEmpty();
    assertThat(rows(s -> s.retryIfActive(first))).isEmpty();
    assertThat(rows(s -> s.deferIfPublished(first))).isEmpty();
    assertThat(count(s -> s.extendLease(first, LEASE))).isZero();
    assertThat(count(s -> s.cancelUnfinished(job))).isZero();
    assertThat(rows(s -> s.retryFailed(job, null, null))).isEmpty();
    assertThat(db.state(job, 1)).isEqualTo(TaskState.SUCCEEDED);
  }

  @Test
  void aRetryMovesToTheNextAttemptSoTheOldOnesLateReportsAreFencedOut() {
    UUID job = db.job(1, 3, "complete");
    tasks(s -> s.startIfPublished(reports(job, 1, 1), LEASE));

    assertThat(rows(s -> s.retryIfActive(reports(job, 1, 1)))).hasSize(1);

    assertThat(db.task(job, 1).attempt()).isEqualTo(2);
    assertThat(db.state(job, 1)).isEqualTo(TaskState.RETRY_WAIT);
    assertThat(rows(s -> s.succeedIfActive(reports(job, 1, 1)))).isEmpty();
  }

  @Test
  void aLeaseIsJudgedAtTheTimeGivenAndItsExpiryStartsANewAttempt() {
    UUID job = db.job(1, 3, "complete");
    tasks(s -> s.startIfPublished(reports(job, 1, 1), LEASE));

    assertThat(rows(s -> s.reapExpiredLeases(10, NO_GRACE, null))).isEmpty();
    Instant later = Instant.now().plus(Duration.ofMinutes(5));
    assertThat(rows(s -> s.reapExpiredLeases(10, "10 minutes", later))).isEmpty();
    List<TaskStore.ExpiredLease> expired = tasks(s -> s.reapExpiredLeases(10, NO_GRACE, later));

    assertThat(expired)
        .singleElement()
        .extracting(TaskStore.ExpiredLease::state)
        .isEqualTo(TaskState.PENDING);
    assertThat(db.task(job, 1).attempt()).isEqualTo(2);
    assertThat(rows(s -> s.succeedIfActive(reports(job, 1, 1)))).isEmpty();
    assertThat(rows(s -> s.reapExpiredLeases(10, NO_GRACE, later))).isEmpty();
  }

  @Test
  void theLastAttemptsLostLeaseFailsTheTask() {
    UUID job = db.job(1, 1, "complete");
    tasks(s -> s.startIfPublished(reports(job, 1, 1), LEASE));

    List<TaskStore.ExpiredLease> expired =
        tasks(s -> s.reapExpiredLeases(10, NO_GRACE, Instant.now().plus(Duration.ofMinutes(5))));

    assertThat(expired)
        .singleElement()
        .extracting(TaskStore.ExpiredLease::state)
        .isEqualTo(TaskState.FAILED);
    assertThat(db.task(job, 1).errorCode()).isEqualTo("LEASE_EXPIRED");
    assertThat(db.task(job, 1).attempt()).isEqualTo(1);
  }

  @Test
  void onlyFailedTasksAreRetriedEachAsANewAttempt() {
    UUID job = db.job(3, 1, "complete");
    tasks(s -> s.failIfActive(reports(job, 1, 1, 2)));
    tasks(s -> s.succeedIfActive(reports(job, 1, 3)));

    assertThat(rows(s -> s.retryFailed(job, new String[] {"X"}, null))).isEmpty();
    List<Integer> retried = tasks(s -> s.retryFailed(job, new String[] {"E"}, new int[] {2}));
    assertThat(retried).containsExactly(2);

    assertThat(db.state(job, 1)).isEqualTo(TaskState.FAILED);
    assertThat(db.state(job, 2)).isEqualTo(TaskState.PENDING);
    assertThat(db.task(job, 2).attempt()).isEqualTo(2);
    assertThat(db.state(job, 3)).isEqualTo(TaskState.SUCCEEDED);
  }

  @Test
  void cancellingMovesOnlyTheTasksNotDone() {
    UUID job = db.job(3, 3, "complete");
    tasks(s -> s.succeedIfActive(reports(job, 1, 1)));
    tasks(s -> s.startIfPublished(reports(job, 1, 2), LEASE));

    int cancelled =
        jdbi.inTransaction(
            handle -> {
              TaskStore tasks = AttachedStores.of(handle, TaskStore.class);
              assertThat(tasks.lockUnfinished(job)).isEqualTo(2);
              assertThat(tasks.countUnfinished(job))
                  .containsExactlyInAnyOrder(
                      new TaskStore.StateCount(TaskState.PENDING, 1),
                      new TaskStore.StateCount(TaskState.RUNNING, 1));
              return tasks.cancelUnfinished(job);
            });

    assertThat(cancelled).isEqualTo(2);
    assertThat(db.state(job, 1)).isEqualTo(TaskState.SUCCEEDED);
    assertThat(db.state(job, 2)).isEqualTo(TaskState.CANCELLED);
    assertThat(db.state(job, 3)).isEqualTo(TaskState.CANCELLED);
  }

  private static <T> T tasks(Function<TaskStore, T> statement) {
    return jdbi.inTransaction(
        handle -> statement.apply(AttachedStores.of(handle, TaskStore.class)));
  }

  private static List<?> rows(Function<TaskStore, List<?>> statement) {
    return tasks(statement);
  }

  private static int count(java.util.function.ToIntFunction<TaskStore> statement) {
    return tasks(statement::applyAsInt);
  }
}
