package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CompensationStore;
import io.findoc.batch.coordinator.store.JobStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Compensations that ended (done or failed for good) in one transaction, per job, and what that
 * does to their jobs: the job's compensation counters move, and a ROLLING_BACK job whose
 * compensations have all ended becomes ROLLED_BACK, or FAILED (its reason counting the
 * compensations that failed) if any did. Jobs are updated in id order, so concurrent transactions
 * lock job rows in one order.
 */
final class EndedCompensations {

  private final Map<UUID, int[]> byJob = new TreeMap<>();

  /** One compensation of {@code job} is done. */
  void done(UUID job) {
    counts(job)[0]++;
  }

  /** One compensation of {@code job} failed for good. */
  void failed(UUID job) {
    counts(job)[1]++;
  }

  boolean isEmpty() {
    return byJob.isEmpty();
  }

  /** How many compensations ended. */
  int size() {
    return byJob.values().stream().mapToInt(c -> c[0] + c[1]).sum();
  }

  /** Adds them to their jobs and moves on the jobs whose rollback is over. */
  void settle(Handle handle, String actor) {
    if (byJob.isEmpty()) {
      return;
    }
    UUID[] ids = byJob.keySet().toArray(UUID[]::new);
    int[] done = byJob.values().stream().mapToInt(c -> c[0]).toArray();
    int[] failed = byJob.values().stream().mapToInt(c -> c[1]).toArray();
    JobStore jobs = AttachedStores.of(handle, JobStore.class);
    CompensationStore store = AttachedStores.of(handle, CompensationStore.class);
    for (CompensationStore.CompensationTally job : store.addCompensated(ids, done, failed)) {
      if (job.compensationFailed() == 0) {
        jobs.moveState(
            job.id(),
            JobState.ROLLING_BACK,
            JobState.ROLLED_BACK,
            actor,
            "compensated " + job.compensations() + " tasks");
      } else {
        jobs.moveState(
            job.id(),
            JobState.ROLLING_BACK,
            JobState.FAILED,
            actor,
            "rollback incomplete: "
                + job.compensationFailed()
                + " of "
                + job.compensations()
                + " compensations failed");
      }
    }
  }

  private int[] counts(UUID job) {
    return byJob.computeIfAbsent(job, id -> new int[2]);
  }
}
