package io.findoc.batch.common.state;

import static io.findoc.batch.common.state.CompensationState.DONE;
import static io.findoc.batch.common.state.CompensationState.FAILED;
import static io.findoc.batch.common.state.CompensationState.PENDING;
import static io.findoc.batch.common.state.CompensationState.QUEUED;
import static io.findoc.batch.common.state.CompensationState.RETRY_WAIT;
import static io.findoc.batch.common.state.CompensationState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompensationStateTest {

  @Test
  void pendingCompensationIsQueuedOrReportedOn() {
    assertOnlyMoves(PENDING, EnumSet.of(QUEUED, RUNNING, RETRY_WAIT, DONE, FAILED));
  }

  @Test
  void queuedCompensationStartsEndsOrIsDeferred() {
    assertOnlyMoves(QUEUED, EnumSet.of(PENDING, RUNNING, RETRY_WAIT, DONE, FAILED));
  }

  @Test
  void runningCompensationEndsRetriesIsDeferredOrLosesItsLease() {
    assertOnlyMoves(RUNNING, EnumSet.of(PENDING, RETRY_WAIT, DONE, FAILED));
  }

  @Test
  void aLostLeaseMovesARunningCompensationOnlyToPendingOrFailed() {
    assertThat(RUNNING.moveTo(PENDING)).isEqualTo(PENDING);
    assertThat(RUNNING.moveTo(FAILED)).isEqualTo(FAILED);
    assertThatThrownBy(() -> RUNNING.moveTo(QUEUED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("compensation may not move from RUNNING to QUEUED");
  }

  @Test
  void compensationWaitingForARetryIsQueuedAgain() {
    assertOnlyMoves(RETRY_WAIT, EnumSet.of(QUEUED));
  }

  @Test
  void doneAndFailedAreFinal() {
    assertOnlyMoves(DONE, EnumSet.noneOf(CompensationState.class));
    assertOnlyMoves(FAILED, EnumSet.noneOf(CompensationState.class));
    assertThat(DONE.isTerminal()).isTrue();
    assertThat(FAILED.isTerminal()).isTrue();
    assertThat(RUNNING.isTerminal()).isFalse();
  }

  private static void assertOnlyMoves(CompensationState from, Set<CompensationState> allowed) {
    for (CompensationState to : CompensationState.values()) {
      assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed.contains(to));
    }
  }
}
