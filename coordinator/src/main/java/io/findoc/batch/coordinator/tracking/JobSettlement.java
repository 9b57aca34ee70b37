package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CompensationStore;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.FailurePolicy;
import io.findoc.batch.coordinator.store.JobCountStore;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobProgress;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Moves jobs on after their counts moved, in the transaction that moved them, as their {@link
 * FailurePolicy} says: the next state from {@link JobOutcome}; fail-fast, which cancels the
 * unfinished tasks of a job that reached its threshold (CANCELLED with error code {@code
 * FAILED_FAST}; attempts still running elsewhere finish, and their results are ignored) and fails
 * it at once; and rollback, which starts the compensation of every succeeded task of a failed job
 * (ROLLING_BACK; straight on to ROLLED_BACK when none succeeded).
 */
final class JobSettlement {

  /** The error code of the tasks a fail-fast job cancelled. */
  static final String FAILED_FAST = "FAILED_FAST";

  private JobSettlement() {}

  /** Settles each job; {@code actor} names the component in the job's history. */
  static void settle(Handle handle, List<JobProgress> jobs, String actor) {
    JobStore store = AttachedStores.of(handle, JobStore.class);
    for (JobProgress job : jobs) {
      JobState state = job.state();
      boolean live = state.isDispatchable() || state == JobState.PAUSED;
      if (live && job.policy().stopsNow(job.counts())) {
        failFast(handle, store, job, actor);
        continue;
      }
      Optional<JobState> next = JobOutcome.next(job);
      if (next.isEmpty()) {
        continue;
      }
      String reason = next.get() == JobState.FAILED ? thresholdReason(job) : null;
      if (next.get() == JobState.FAILED && job.policy().rollback()) {
        rollBack(handle, store, job.id(), state, actor, reason);
      } else {
        store.moveState(job.id(), state, next.get(), actor, reason);
      }
    }
  }

  private static void failFast(Handle handle, JobStore store, JobProgress job, String actor) {
    CompensationStore tasks = AttachedStores.of(handle, CompensationStore.class);
    String reason = thresholdReason(job);
    List<TaskTransition> cancelled =
        tasks.cancelUnfinishedFailingFast(
            job.id(), FAILED_FAST, "the job reached its failure threshold and fails fast");
    CountDeltas deltas = new CountDeltas();
    for (TaskTransition task : cancelled) {
      deltas.move(task.jobId(), task.previousState(), TaskState.CANCELLED);
    }
    if (!deltas.isEmpty()) {
      AttachedStores.of(handle, JobCountStore.class).addCounts(deltas);
    }
    reason = reason + "; fail-fast cancelled " + cancelled.size() + " unfinished tasks";
    if (job.policy().rollback()) {
      rollBack(handle, store, job.id(), job.state(), actor, reason);
    } else {
      store.moveState(job.id(), job.state(), JobState.FAILED, actor, reason);
    }
  }

  private static void rollBack(
      Handle handle, JobStore store, UUID id, JobState from, String actor, String reason) {
    if (store.moveState(id, from, JobState.ROLLING_BACK, actor, reason) == 0) {
      return;
    }
    int compensations = AttachedStores.of(handle, CompensationStore.class).startCompensation(id);
    if (compensations == 0) {
      store.moveState(
          id,
          JobState.ROLLING_BACK,
          JobState.ROLLED_BACK,
          actor,
          "no task had succeeded: nothing to compensate");
    }
  }

  private static String thresholdReason(JobProgress job) {
    JobCounts counts = job.counts();
    String failed = counts.failed() + " of " + counts.total() + " tasks failed";
    return job.policy().hasThreshold()
        ? "failure threshold reached: " + failed
        : "no task succeeded: " + failed;
  }
}
