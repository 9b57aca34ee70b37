package io.findoc.batch.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.state.IllegalTransitionException;
import io.findoc.batch.common.state.TaskState;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CountDeltasTest {

  @Test
  void movesAreSummedPerJobAndPendingIsNotCounted() {
    UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    CountDeltas deltas = new CountDeltas();
    deltas.move(b, TaskState.PENDING, TaskState.QUEUED);
    deltas.move(a, TaskState.QUEUED, TaskState.RUNNING);
    deltas.move(a, TaskState.RUNNING, TaskState.SUCCEEDED);
    deltas.move(a, TaskState.PENDING, TaskState.FAILED);

    assertThat(deltas.ids()).containsExactly(a, b);
    assertThat(deltas.queued()).containsExactly(-1, 1);
    assertThat(deltas.running()).containsExactly(0, 0);
    assertThat(deltas.succeeded()).containsExactly(1, 0);
    assertThat(deltas.failed()).containsExactly(1, 0);
    assertThat(deltas.moves()).isEqualTo(4);
  }

  @Test
  void aMoveTheTableForbidsIsRefusedBeforeItIsCounted() {
    UUID job = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    CountDeltas deltas = new CountDeltas();
    deltas.move(job, TaskState.RUNNING, TaskState.SUCCEEDED);

    assertThatThrownBy(() -> deltas.move(job, TaskState.SUCCEEDED, TaskState.PENDING))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("task may not move from SUCCEEDED to PENDING");
    assertThat(deltas.succeeded()).containsExactly(1);
    assertThat(deltas.moves()).isEqualTo(1);
  }

  @Test
  void aForbiddenPairIsRefusedEveryTimeNotOnlyTheFirst() {
    UUID job = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    CountDeltas deltas = new CountDeltas();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> deltas.move(job, TaskState.CANCELLED, TaskState.QUEUED, 3))
          .isInstanceOf(IllegalTransitionException.class);
    }
    assertThat(deltas.isEmpty()).isTrue();
  }

  @Test
  void aRowLeftInItsStateIsNoMoveAndChangesNoCounter() {
    UUID job = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    CountDeltas deltas = new CountDeltas();
    deltas.move(job, TaskState.PENDING, TaskState.PENDING);
    deltas.move(job, TaskState.QUEUED, TaskState.QUEUED);

    assertThat(deltas.queued()).containsExactly(0);
  }

  @Test
  void retryingAFailedPrerequisiteReopensItsSkippedDependants() {
    UUID job = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    CountDeltas deltas = new CountDeltas();
    deltas.move(job, TaskState.FAILED, TaskState.PENDING);
    deltas.move(job, TaskState.SKIPPED, TaskState.PENDING, 2);

    assertThat(deltas.failed()).containsExactly(-1);
    assertThat(deltas.skipped()).containsExactly(-2);
  }
}
