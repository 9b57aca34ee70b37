package io.findoc.batch.common.state;

import static io.findoc.batch.common.state.JobState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStateTest {

  @Test
  void waitingJobIsReleasedOrCancelled() {
    assertOnlyMoves(WAITING, EnumSet.of(QUEUED, CANCELLED));
  }

  @Test
  void queuedJobStartsFinishesPausesCancelsOrRollsBack() {
    assertOnlyMoves(
        QUEUED,
        EnumSet.of(
            RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, PAUSED, CANCELLED, ROLLING_BACK));
  }

  @Test
  void runningJobFinishesPausesCancelsOrRollsBack() {
    assertOnlyMoves(
        RUNNING,
        EnumSet.of(COMPLETED, COMPLETED_WITH_ERRORS, FAILED, PAUSED, CANCELLED, ROLLING_BACK));
  }

  @Test
  void pausedJobResumesFinishesIsCancelledOrRollsBack() {
    assertOnlyMoves(
        PAUSED,
        EnumSet.of(
            QUEUED, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, CANCELLED, ROLLING_BACK));
  }

  @Test
  void rollingBackEndsRolledBackOrFailedWhenACompensationFailed() {
    assertOnlyMoves(ROLLING_BACK, EnumSet.of(ROLLED_BACK, FAILED));
  }

  @Test
  void completedIsFinal() {
    assertOnlyMoves(COMPLETED, EnumSet.noneOf(JobState.class));
  }

  @Test
  void jobWithErrorsReopensOnRetry() {
    assertOnlyMoves(COMPLETED_WITH_ERRORS, EnumSet.of(RUNNING));
  }

  @Test
  void failedJobReopensOnRetry() {
    assertOnlyMoves(FAILED, EnumSet.of(RUNNING));
  }

  @Test
  void cancelledIsFinal() {
    assertOnlyMoves(CANCELLED, EnumSet.noneOf(JobState.class));
  }

  @Test
  void rolledBackIsFinal() {
    assertOnlyMoves(ROLLED_BACK, EnumSet.noneOf(JobState.class));
  }

  @Test
  void onlyQueuedAndRunningJobsAreDispatched() {
    assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::isDispatchable))
        .containsExactlyInAnyOrder(QUEUED, RUNNING);
  }

  private static void assertOnlyMoves(JobState from, Set<JobState> allowed) {
    assertThat(from.successors()).containsExactlyInAnyOrderElementsOf(allowed);
    for (JobState to : JobState.values()) {
      if (allowed.contains(to)) {
        assertThat(from.moveTo(to)).isEqualTo(to);
      } else {
        assertThatThrownBy(() -> from.moveTo(to))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessage("job may not move from " + from + " to " + to);
      }
    }
  }
}
