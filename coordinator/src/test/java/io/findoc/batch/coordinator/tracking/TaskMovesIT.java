package io.findoc.batch.coordinator.tracking;

import static io.findoc.batch.coordinator.testing.StoreDatabase.reports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.state.IllegalTransitionException;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import io.findoc.batch.coordinator.testing.StoreDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Task moves meet the transition table where their counts are taken ({@link CountDeltas}): a move
 * the table forbids, among allowed ones, throws, and the whole batch rolls back with it.
 */
class TaskMovesIT {

  private static StoreDatabase db;

  @BeforeAll
  static void migrate() {
    db = StoreDatabase.migrated();
  }

  @Test
  void aForbiddenMoveRollsItsBatchBack() {
    UUID job = db.job(2, 3, "complete");

    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useTransaction(
                        handle -> {
                          TaskMoves moves = new TaskMoves(handle);
                          List<TaskTransition> started =
                              moves.started(
                                  AttachedStores.of(handle, TaskStore.class)
                                      .startIfPublished(reports(job, 1, 1, 2), "30 seconds"));
                          assertThat(started).hasSize(2);
                          moves.moved(
                              List.of(new TaskTransition(job, 2, TaskState.SUCCEEDED)),
                              TaskState.PENDING);
                        }))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("task may not move from SUCCEEDED to PENDING");

    assertThat(db.state(job, 1)).isEqualTo(TaskState.PENDING);
    assertThat(db.state(job, 2)).isEqualTo(TaskState.PENDING);
    assertThat(db.jdbi().withExtension(JobStore.class, jobs -> jobs.find(job)).orElseThrow())
        .satisfies(row -> assertThat(row.counts().running()).isZero());
  }
}
