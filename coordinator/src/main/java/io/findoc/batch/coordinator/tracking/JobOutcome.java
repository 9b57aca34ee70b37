package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobProgress;
import java.util.Optional;

/** Decides a job's next state from its counts after they moved. */
final class JobOutcome {

  private JobOutcome() {}

  /**
   * The state the job moves to, if any: a result state once every task is terminal (COMPLETED if
   * all succeeded, FAILED if none did, COMPLETED_WITH_ERRORS otherwise), RUNNING once a queued
   * job's first task got going.
   */
  static Optional<JobState> next(JobProgress job) {
    JobCounts counts = job.counts();
    JobState state = job.state();
    if (counts.allTerminal() && (state.isDispatchable() || state == JobState.PAUSED)) {
      return Optional.of(state.moveTo(result(counts)));
    }
    if (state == JobState.QUEUED && counts.anyStarted()) {
      return Optional.of(state.moveTo(JobState.RUNNING));
    }
    return Optional.empty();
  }

  private static JobState result(JobCounts counts) {
    if (counts.succeeded() == counts.total()) {
      return JobState.COMPLETED;
    }
    return counts.succeeded() == 0 ? JobState.FAILED : JobState.COMPLETED_WITH_ERRORS;
  }
}
