package io.findoc.batch.coordinator.store;

import static io.findoc.batch.coordinator.testing.StoreDatabase.reports;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.testing.StoreDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DispatchStore}'s claims against PostgreSQL: a task is claimed once, within
 * its job's limit, and a retry only once its backoff is over, at a time the test gives.
 */
class DispatchStoreIT {

  private static StoreDatabase db;

  @BeforeAll
  static void migrate() {
    db = StoreDatabase.migrated();
  }

  @Test
  void eachTaskIsClaimedOnceWithinItsJobsLimitInTaskOrder() {
    UUID job = db.job(3, 3, "complete");

    assertThat(claim(job, 2, null))
        .extracting(ClaimedTask::number, ClaimedTask::previousState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, TaskState.PENDING),
            org.assertj.core.groups.Tuple.tuple(2, TaskState.PENDING));
    assertThat(claim(job, 2, null)).extracting(ClaimedTask::number).containsExactly(3);
    assertThat(claim(job, 2, null)).isEmpty();
    assertThat(db.state(job, 3)).isEqualTo(TaskState.QUEUED);
  }

  @Test
  void aRetryIsClaimedOnlyOnceItsBackoffIsOver() {
    UUID job = db.job(1, 3, "complete");
    claim(job, 1, null);
    Instant due = Instant.now().plus(Duration.ofHours(1));
    db.jdbi()
        .useTransaction(
            handle ->
                AttachedStores.of(handle, TaskStore.class).retryIfActive(reports(job, 1, due, 1)));

    assertThat(claim(job, 1, null)).isEmpty();
    assertThat(claim(job, 1, due.minusSeconds(1))).isEmpty();
    assertThat(claim(job, 1, due))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.previousState()).isEqualTo(TaskState.RETRY_WAIT);
              assertThat(task.attempt()).isEqualTo(2);
            });
    assertThat(db.state(job, 1)).isEqualTo(TaskState.QUEUED);
  }

  private static List<ClaimedTask> claim(UUID job, int limit, Instant now) {
    return db.jdbi()
        .inTransaction(
            handle ->
                AttachedStores.of(handle, DispatchStore.class)
                    .claimDispatchable(new UUID[] {job}, new int[] {limit}, false, now));
  }
}
