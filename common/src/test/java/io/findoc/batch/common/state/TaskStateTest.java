package io.findoc.batch.common.state;

import static io.findoc.batch.common.state.TaskState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskStateTest {

  @Test
  void pendingIsDispatchedCancelledSkippedOrOvertakenByItsReport() {
    assertOnlyMoves(
        PENDING, EnumSet.of(QUEUED, RUNNING, SUCCEEDED, FAILED, RETRY_WAIT, CANCELLED, SKIPPED));
  }

  @Test
  void queuedTaskMayStartFinishAtOnceBeDeferredOrCancelled() {
    assertOnlyMoves(QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, RETRY_WAIT, PENDING, CANCELLED));
  }

  @Test
  void runningTaskFinishesIsRetriedAfterItsLeaseOrIsCancelled() {
    assertOnlyMoves(RUNNING, EnumSet.of(SUCCEEDED, FAILED, RETRY_WAIT, PENDING, CANCELLED));
  }

  @Test
  void taskWaitingForRetryIsDispatchedAgainOrCancelled() {
    assertOnlyMoves(RETRY_WAIT, EnumSet.of(QUEUED, CANCELLED));
  }

  @Test
  void succeededIsFinal() {
    assertOnlyMoves(SUCCEEDED, EnumSet.noneOf(TaskState.class));
  }

  @Test
  void failedTaskMovesOnlyBackToPendingOnAnOperatorsRetry() {
    assertOnlyMoves(FAILED, EnumSet.of(PENDING));
  }

  @Test
  void cancelledIsFinal() {
    assertOnlyMoves(CANCELLED, EnumSet.noneOf(TaskState.class));
  }

  @Test
  void skippedTaskMovesOnlyBackToPendingWhenItsPrerequisiteIsRetried() {
    assertOnlyMoves(SKIPPED, EnumSet.of(PENDING));
  }

  @Test
  void terminalStatesAreTheFourResults() {
    assertThat(EnumSet.allOf(TaskState.class).stream().filter(TaskState::isTerminal))
        .containsExactlyInAnyOrder(SUCCEEDED, FAILED, CANCELLED, SKIPPED);
  }

  @Test
  void noStateMovesToItself() {
    for (TaskState s : TaskState.values()) {
      assertThat(s.canMoveTo(s)).as("%s -> %s", s, s).isFalse();
    }
  }

  private static void assertOnlyMoves(TaskState from, Set<TaskState> allowed) {
    assertThat(from.successors()).containsExactlyInAnyOrderElementsOf(allowed);
    for (TaskState to : TaskState.values()) {
      if (allowed.contains(to)) {
        assertThat(from.moveTo(to)).isEqualTo(to);
      } else {
        assertThatThrownBy(() -> from.moveTo(to))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessage("task may not move from " + from + " to " + to);
      }
    }
  }
}
