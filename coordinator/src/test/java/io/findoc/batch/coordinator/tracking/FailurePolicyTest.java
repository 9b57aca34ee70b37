package io.findoc.batch.coordinator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.FailurePolicy;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobProgress;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

  private static JobCounts counts(int total, int running, int succeeded, int failed) {
    return new JobCounts(total, 0, running, 0, succeeded, failed, 0, 0);
  }

  private static JobProgress job(FailurePolicy policy, JobCounts counts) {
    return new JobProgress(UUID.randomUUID(), JobState.RUNNING, counts, policy);
  }

  @Test
  void aCountThresholdIsReachedAtThatManyFailures() {
    FailurePolicy policy = new FailurePolicy(3, null, false, false);

    assertThat(policy.reached(counts(10, 0, 8, 2))).isFalse();
    assertThat(policy.reached(counts(10, 0, 7, 3))).isTrue();
  }

  @Test
  void aRatioThresholdIsReachedAtThatShareOfTheTotal() {
    FailurePolicy policy = new FailurePolicy(null, 0.3, false, false);

    assertThat(policy.reached(counts(10, 0, 8, 2))).isFalse();
    assertThat(policy.reached(counts(10, 0, 7, 3))).isTrue();
  }

  @Test
  void underTheThresholdAFinishedJobCompletesWithErrors() {
    FailurePolicy policy = new FailurePolicy(3, null, false, false);

    assertThat(JobOutcome.next(job(policy, counts(10, 0, 8, 2))))
        .contains(JobState.COMPLETED_WITH_ERRORS);
  }

  @Test
  void atTheThresholdAFinishedJobFailsEvenWithSuccesses() {
    FailurePolicy policy = new FailurePolicy(null, 0.2, false, false);

    assertThat(JobOutcome.next(job(policy, counts(10, 0, 8, 2)))).contains(JobState.FAILED);
  }

  @Test
  void withAThresholdAJobWhoseFailuresStayUnderItCompletesWithErrorsEvenIfNoneSucceeded() {
    FailurePolicy policy = new FailurePolicy(5, null, false, false);

    assertThat(JobOutcome.next(job(policy, new JobCounts(4, 0, 0, 0, 0, 1, 0, 3))))
        .contains(JobState.COMPLETED_WITH_ERRORS);
  }

  @Test
  void withoutAThresholdTheJobFailsOnlyWhenNoTaskSucceeded() {
    assertThat(JobOutcome.next(job(FailurePolicy.NONE, counts(10, 0, 1, 9))))
        .contains(JobState.COMPLETED_WITH_ERRORS);
    assertThat(JobOutcome.next(job(FailurePolicy.NONE, counts(10, 0, 0, 10))))
        .contains(JobState.FAILED);
  }

  @Test
  void failFastStopsARunningJobAtTheThresholdOnly() {
    FailurePolicy policy = new FailurePolicy(2, null, true, false);

    assertThat(policy.stopsNow(counts(10, 5, 4, 1))).isFalse();
    assertThat(policy.stopsNow(counts(10, 5, 3, 2))).isTrue();
  }

  @Test
  void failFastHasNothingToStopOnceEveryTaskEnded() {
    FailurePolicy policy = new FailurePolicy(2, null, true, false);

    assertThat(policy.stopsNow(counts(10, 0, 8, 2))).isFalse();
  }

  @Test
  void withoutFailFastTheJobRunsOnPastTheThreshold() {
    FailurePolicy policy = new FailurePolicy(2, null, false, false);

    assertThat(policy.stopsNow(counts(10, 5, 0, 5))).isFalse();
    assertThat(JobOutcome.next(job(policy, counts(10, 5, 0, 5)))).isEmpty();
  }
}
