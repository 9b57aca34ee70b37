package io.findoc.batch.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.state.JobState;
import org.junit.jupiter.api.Test;

class EventTypeTest {

  @Test
  void firstStartAndReopeningAreStartsButResumeIsNot() {
    assertThat(EventType.ofTransition(JobState.QUEUED, JobState.RUNNING))
        .contains(EventType.JOB_STARTED);
    assertThat(EventType.ofTransition(JobState.COMPLETED_WITH_ERRORS, JobState.RUNNING))
        .contains(EventType.JOB_STARTED);
    assertThat(EventType.ofTransition(JobState.FAILED, JobState.RUNNING))
        .contains(EventType.JOB_STARTED);
    assertThat(EventType.ofTransition(JobState.PAUSED, JobState.RUNNING)).isEmpty();
  }

  @Test
  void everyFinishedStateEmitsCompletedOrFailed() {
    for (JobState to : JobState.values()) {
      if (to.isFinished()) {
        EventType expected =
            to == JobState.COMPLETED || to == JobState.COMPLETED_WITH_ERRORS
                ? EventType.JOB_COMPLETED
                : EventType.JOB_FAILED;
        assertThat(EventType.ofTransition(JobState.RUNNING, to)).contains(expected);
      }
    }
  }

  @Test
  void pauseWaitingReleaseAndRollingBackEmitNothing() {
    assertThat(EventType.ofTransition(JobState.RUNNING, JobState.PAUSED)).isEmpty();
    assertThat(EventType.ofTransition(JobState.PAUSED, JobState.QUEUED)).isEmpty();
    assertThat(EventType.ofTransition(JobState.WAITING, JobState.QUEUED)).isEmpty();
    assertThat(EventType.ofTransition(JobState.RUNNING, JobState.ROLLING_BACK)).isEmpty();
  }

  @Test
  void wireNamesRoundTrip() {
    for (EventType type : EventType.values()) {
      assertThat(EventType.fromWireName(type.wireName())).contains(type);
    }
    assertThat(EventType.TASK_FAILED.isTaskEvent()).isTrue();
    assertThat(EventType.JOB_PROGRESS.isTaskEvent()).isFalse();
  }
}
