package io.findoc.batch.coordinator.store;

import static io.findoc.batch.coordinator.testing.StoreDatabase.reports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.state.CompensationState;
import io.findoc.batch.coordinator.testing.StoreDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CompensationStore} against PostgreSQL: the database refuses a compensation
 * move that {@link CompensationState}'s table forbids (and its table is that one), a stale
 * compensation attempt changes no row, and leases and backoffs are judged at a time the test gives.
 */
class CompensationStoreIT {

  private static final String LEASE = "30 seconds";
  private static final String NO_GRACE = "0 seconds";

  private static StoreDatabase db;

  @BeforeAll
  static void migrate() {
    db = StoreDatabase.migrated();
  }

  @Test
  void theDatabasesTransitionTableIsCompensationStates() {
    List<CompensationState> states = new ArrayList<>(List.of(CompensationState.values()));
    states.add(null);
    db.jdbi()
        .useHandle(
            handle -> {
              for (CompensationState from : states) {
                for (CompensationState to : states) {
                  boolean expected =
                      from == null
                          ? to == CompensationState.PENDING
                          : to != null && from.canMoveTo(to);
                  Boolean allowed =
                      handle
                          .createQuery("SELECT compensation_may_move(:from, :to)")
                          .bind("from", from == null ? null : from.name())
                          .bind("to", to == null ? null : to.name())
                          .mapTo(Boolean.class)
                          .one();
                  assertThat(Boolean.TRUE.equals(allowed))
                      .as("%s -> %s", from, to)
                      .isEqualTo(expected);
                }
              }
            });
  }

  @Test
  void aForbiddenCompensationMoveFailsItsStatementAndChangesNothing() {
    UUID job = rollingBack(1);
    db.jdbi()
        .useHandle(
            handle ->
                handle.execute(
                    "UPDATE task SET compensation = 'DONE' WHERE job_id = ? AND number = 1", job));

    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        handle ->
                            handle.execute(
                                "UPDATE task SET compensation = 'PENDING'"
                                    + " WHERE job_id = ? AND number = 1",
                                job)))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("compensation may not move from DONE to PENDING");
    assertThat(db.column(job, 1, "compensation")).isEqualTo("DONE");
  }

  @Test
  void reportsOfAnotherCompensationAttemptChangeNoRow() {
    UUID job = rollingBack(1);
    assertThat(rows(s -> s.claimCompensations(10, null))).hasSize(1);

    TaskStore.Reports stale = reports(job, 2, 1);
    assertThat(rows(s -> s.startIfPublished(stale, LEASE))).isEmpty();
    assertThat(rows(s -> s.completeIfActive(stale))).isEmpty();
    assertThat(rows(s -> s.failIfActive(stale))).isEmpty();
    assertThat(count(s -> s.retryIfActive(stale))).isZero();
    assertThat(count(s -> s.deferIfPublished(stale))).isZero();
    assertThat(db.column(job, 1, "compensation")).isEqualTo("QUEUED");

    assertThat(rows(s -> s.startIfPublished(reports(job, 1, 1), LEASE))).hasSize(1);
    assertThat(count(s -> s.extendLease(stale, LEASE))).isZero();
    assertThat(rows(s -> s.completeIfActive(reports(job, 1, 1)))).hasSize(1);
    assertThat(rows(s -> s.completeIfActive(reports(job, 1, 1)))).isEmpty();
    assertThat(db.column(job, 1, "compensation")).isEqualTo("DONE");
  }

  @Test
  void aCompensationLeaseIsJudgedAtTheTimeGiven() {
    UUID job = rollingBack(1);
    compensations(s -> s.claimCompensations(10, null));
    compensations(s -> s.startIfPublished(reports(job, 1, 1), LEASE));

    assertThat(rows(s -> s.reapExpiredLeases(10, NO_GRACE, null))).isEmpty();
    Instant later = Instant.now().plus(Duration.ofMinutes(5));
    List<CompensationStore.ExpiredLease> expired =
        compensations(s -> s.reapExpiredLeases(10, NO_GRACE, later));
    assertThat(expired)
        .singleElement()
        .extracting(CompensationStore.ExpiredLease::state)
        .isEqualTo(CompensationState.PENDING);
    assertThat(db.column(job, 1, "compensation_attempt")).isEqualTo("2");
    assertThat(rows(s -> s.completeIfActive(reports(job, 1, 1)))).isEmpty();
  }

  @Test
  void aCompensationRetryIsClaimedOnlyOnceItsBackoffIsOver() {
    UUID job = rollingBack(1);
    compensations(s -> s.claimCompensations(10, null));
    Instant due = Instant.now().plus(Duration.ofHours(1));
    assertThat(count(s -> s.retryIfActive(reports(job, 1, due, 1)))).isOne();

    assertThat(rows(s -> s.claimCompensations(10, null))).isEmpty();
    List<ClaimedTask> claimed = compensations(s -> s.claimCompensations(10, due));
    assertThat(claimed).singleElement().extracting(ClaimedTask::attempt).isEqualTo(2);
  }

  /**
   * A rollback job whose {@code tasks} tasks all succeeded, rolling back: compensations PENDING.
   */
  private static UUID rollingBack(int tasks) {
    UUID job = db.job(tasks, 3, "rollback");
    int[] numbers = java.util.stream.IntStream.rangeClosed(1, tasks).toArray();
    db.jdbi()
        .useTransaction(
            handle -> {
              AttachedStores.of(handle, TaskStore.class).succeedIfActive(reports(job, 1, numbers));
              handle.execute(
                  "UPDATE job SET state = 'ROLLING_BACK', succeeded = total WHERE id = ?", job);
              assertThat(AttachedStores.of(handle, CompensationStore.class).startCompensation(job))
                  .isEqualTo(tasks);
            });
    return job;
  }

  private static <T> T compensations(Function<CompensationStore, T> statement) {
    return db.jdbi()
        .inTransaction(
            handle -> statement.apply(AttachedStores.of(handle, CompensationStore.class)));
  }

  private static List<?> rows(Function<CompensationStore, List<?>> statement) {
    return compensations(statement);
  }

  private static int count(java.util.function.ToIntFunction<CompensationStore> statement) {
    return compensations(statement::applyAsInt);
  }
}
