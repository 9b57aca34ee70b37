package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.FailurePolicy;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobProgress;
import java.util.Optional;

/** Decides a job's next state from its counts after they moved, and its failure policy. */
final class JobOutcome {

  private JobOutcome() {}

  /**
   * The state the job moves to, if any: a result state once every task is terminal (COMPLETED if
   * all succeeded; otherwise FAILED at or over the policy's failure threshold and
   * COMPLETED_WITH_ERRORS under it; without a threshold FAILED if none succeeded), RUNNING once a
   * queued job's first task got going. Fail-fast and rollback are {@link JobSettlement}'s.
   */
  static Optional<JobState> next(JobProgress job) {
    JobCounts counts = job.counts();
    JobState state = job.state();
    if (counts.allTerminal() && (state.isDispatchable() || state == JobState.PAUSED)) {
      return Optional.of(state.moveTo(result(counts, job.policy())));
    }
    if (state == JobState.QUEUED && counts.anyStarted()) {
      return Optional.of(state.moveTo(JobState.RUNNING));
    }
    return Optional.empty();
  }

  private static JobState result(JobCounts counts, FailurePolicy policy) {
    if (counts.succeeded() == counts.total()) {
      return JobState.COMPLETED;
    }
    if (policy.hasThreshold()) {
      return policy.reached(counts) ? JobState.FAILED : JobState.COMPLETED_WITH_ERRORS;
    }
    return counts.succeeded() == 0 ? JobState.FAILED : JobState.COMPLETED_WITH_ERRORS;
  }
}
