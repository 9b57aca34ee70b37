package io.findoc.batch.coordinator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobProgress;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobOutcomeTest {

  private static JobProgress job(
      JobState state, int total, int running, int succeeded, int failed) {
    return new JobProgress(
        UUID.randomUUID(), state, new JobCounts(total, 0, running, 0, succeeded, failed, 0, 0));
  }

  @Test
  void queuedJobRunsOnceATaskGotGoing() {
    assertThat(JobOutcome.next(job(JobState.QUEUED, 10, 1, 0, 0))).contains(JobState.RUNNING);
  }

  @Test
  void jobWithUnfinishedTasksStaysWhereItIs() {
    assertThat(JobOutcome.next(job(JobState.RUNNING, 10, 3, 5, 1))).isEmpty();
    assertThat(JobOutcome.next(job(JobState.QUEUED, 10, 0, 0, 0))).isEmpty();
  }

  @Test
  void allSucceededCompletes() {
    assertThat(JobOutcome.next(job(JobState.RUNNING, 10, 0, 10, 0))).contains(JobState.COMPLETED);
  }

  @Test
  void someFailedCompletesWithErrors() {
    assertThat(JobOutcome.next(job(JobState.RUNNING, 10, 0, 9, 1)))
        .contains(JobState.COMPLETED_WITH_ERRORS);
  }

  @Test
  void noneSucceededFails() {
    assertThat(JobOutcome.next(job(JobState.RUNNING, 10, 0, 0, 10))).contains(JobState.FAILED);
  }

  @Test
  void queuedJobWhoseTasksAllFinishedInOneBatchGoesStraightToItsResult() {
    assertThat(JobOutcome.next(job(JobState.QUEUED, 2, 0, 2, 0))).contains(JobState.COMPLETED);
  }

  @Test
  void pausedJobWhoseLastTasksFinishedCompletes() {
    assertThat(JobOutcome.next(job(JobState.PAUSED, 2, 0, 2, 0))).contains(JobState.COMPLETED);
  }

  @Test
  void finishedJobIsLeftAlone() {
    assertThat(JobOutcome.next(job(JobState.COMPLETED, 2, 0, 2, 0))).isEmpty();
    assertThat(JobOutcome.next(job(JobState.CANCELLED, 2, 0, 1, 0))).isEmpty();
  }
}
