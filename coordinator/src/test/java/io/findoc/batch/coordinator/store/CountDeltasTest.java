package io.findoc.batch.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.state.IllegalTransitionException;
import io.findoc.batch.common.state.TaskState;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CountDeltasTest {

  private static final UUID JOB_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID JOB_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private final CountDeltas deltas = new CountDeltas();

  @Test
  void movesAreSummedPerJobAndPendingIsNotCounted() {
    deltas.move(JOB_B, TaskState.PENDING, TaskState.QUEUED);
    deltas.move(JOB_A, TaskState.QUEUED, TaskState.RUNNING);
    deltas.move(JOB_A, TaskState.RUNNING, TaskState.SUCCEEDED);
    deltas.move(JOB_A, TaskState.PENDING, TaskState.FAILED);

    assertThat(deltas.ids()).containsExactly(JOB_A, JOB_B);
    assertThat(deltas.queued()).containsExactly(-1, 1);
    assertThat(deltas.running()).containsExactly(0, 0);
    assertThat(deltas.succeeded()).containsExactly(1, 0);
    assertThat(deltas.failed()).containsExactly(1, 0);
    assertThat(deltas.moves()).isEqualTo(4);
  }

  @Test
  void aMoveTheTableForbidsIsRefusedBeforeItIsCounted() {
    deltas.move(JOB_A, TaskState.RUNNING, TaskState.SUCCEEDED);

    assertThatThrownBy(() -> deltas.move(JOB_A, TaskState.SUCCEEDED, TaskState.PENDING))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("task may not move from SUCCEEDED to PENDING");
    assertThat(deltas.succeeded()).containsExactly(1);
    assertThat(deltas.moves()).isEqualTo(1);
  }

  @Test
  void aForbiddenPairIsRefusedEveryTimeNotOnlyTheFirst() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> deltas.move(JOB_A, TaskState.CANCELLED, TaskState.QUEUED, 3))
          .isInstanceOf(IllegalTransitionException.class);
    }
    assertThat(deltas.isEmpty()).isTrue();
  }

  @Test
  void aRowLeftInItsStateIsNoMoveAndChangesNoCounter() {
    deltas.move(JOB_A, TaskState.PENDING, TaskState.PENDING);
    deltas.move(JOB_A, TaskState.QUEUED, TaskState.QUEUED);

    assertThat(deltas.queued()).containsExactly(0);
  }

  @Test
  void retryingAFailedPrerequisiteReopensItsSkippedDependants() {
    deltas.move(JOB_A, TaskState.FAILED, TaskState.PENDING);
    deltas.move(JOB_A, TaskState.SKIPPED, TaskState.PENDING, 2);

    assertThat(deltas.failed()).containsExactly(-1);
    assertThat(deltas.skipped()).containsExactly(-2);
  }
}
