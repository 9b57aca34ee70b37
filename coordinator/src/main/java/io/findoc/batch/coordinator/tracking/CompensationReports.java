package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.store.CompensationStore;
import io.findoc.batch.coordinator.store.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Applies workers' reports of compensation attempts ({@link StatusMessage#compensation()}) of
 * rolling-back jobs, in the status batch's transaction: each guarded on the compensation's state
 * and attempt, so duplicates and late reports change nothing. A retryable failure with attempts
 * left (the job's {@code maxAttempts} and backoff) waits for its next attempt; a compensation that
 * fails for good stays FAILED with its error. When every compensation of a job has ended the job
 * becomes ROLLED_BACK, or FAILED (its reason counting the compensations that failed) if any did:
 * the operator then sees which tasks were not undone ({@code compensation: FAILED} on the task).
 */
final class CompensationReports {

  private CompensationReports() {}

  /** Applies the reports; returns how many changed a compensation. */
  static int apply(
      Handle handle, List<StatusMessage> reports, Instant now, RetryBackoff backoff, String actor) {
    StatusBatch batch = new StatusBatch();
    reports.forEach(batch::add);
    CompensationStore store = handle.attach(CompensationStore.class);
    JobStore jobs = handle.attach(JobStore.class);
    int changed = 0;
    List<StatusMessage> starts = batch.of(StatusKind.STARTED);
    if (!starts.isEmpty()) {
      changed += store.startIfPublished(ReportArrays.of(starts)).size();
    }
    Map<UUID, int[]> ended = new TreeMap<>();
    List<StatusMessage> successes = batch.of(StatusKind.SUCCEEDED);
    if (!successes.isEmpty()) {
      count(store.completeIfActive(ReportArrays.of(successes)), ended, 0);
    }
    List<StatusMessage> failures = batch.of(StatusKind.FAILED);
    if (!failures.isEmpty()) {
      changed += applyFailures(failures, store, jobs, ended, now, backoff);
    }
    List<StatusMessage> deferrals = new ArrayList<>(batch.of(StatusKind.DEFERRED));
    deferrals.addAll(batch.of(StatusKind.CANCELLED));
    if (!deferrals.isEmpty()) {
      changed += store.deferIfPublished(ReportArrays.of(deferrals));
    }
    if (ended.isEmpty()) {
      return changed;
    }
    UUID[] ids = ended.keySet().toArray(UUID[]::new);
    int[] done = ended.values().stream().mapToInt(c -> c[0]).toArray();
    int[] failed = ended.values().stream().mapToInt(c -> c[1]).toArray();
    for (CompensationStore.CompensationTally job : store.addCompensated(ids, done, failed)) {
      if (job.compensationFailed() == 0) {
        jobs.moveState(
            job.id(),
            JobState.ROLLING_BACK,
            JobState.ROLLED_BACK,
            true,
            actor,
            "compensated " + job.compensations() + " tasks");
      } else {
        jobs.moveState(
            job.id(),
            JobState.ROLLING_BACK,
            JobState.FAILED,
            true,
            actor,
            "rollback incomplete: "
                + job.compensationFailed()
                + " of "
                + job.compensations()
                + " compensations failed");
      }
    }
    return changed + done.length + failed.length;
  }

  private static int applyFailures(
      List<StatusMessage> failures,
      CompensationStore store,
      JobStore jobs,
      Map<UUID, int[]> ended,
      Instant now,
      RetryBackoff backoff) {
    UUID[] jobIds = failures.stream().map(f -> f.jobId().value()).distinct().toArray(UUID[]::new);
    Map<UUID, JobStore.JobAttempts> policies =
        jobs.findMaxAttempts(jobIds).stream()
            .collect(Collectors.toMap(JobStore.JobAttempts::id, Function.identity()));
    List<StatusMessage> retries = new ArrayList<>();
    List<StatusMessage> finalFailures = new ArrayList<>();
    for (StatusMessage failure : failures) {
      JobStore.JobAttempts policy = policies.get(failure.jobId().value());
      boolean attemptsLeft = policy != null && failure.attempt() < policy.maxAttempts();
      if (failure.error() != null && failure.error().retryable() && attemptsLeft) {
        retries.add(failure);
      } else {
        finalFailures.add(failure);
      }
    }
    int changed = 0;
    if (!finalFailures.isEmpty()) {
      count(store.failIfActive(ReportArrays.of(finalFailures)), ended, 1);
    }
    if (!retries.isEmpty()) {
      Function<StatusMessage, Instant> due =
          r -> now.plus(backoff.forJob(policies.get(r.jobId().value())).after(r.attempt()));
      changed += store.retryIfActive(ReportArrays.withNotBefore(retries, due));
    }
    return changed;
  }

  private static void count(List<UUID> jobs, Map<UUID, int[]> ended, int slot) {
    for (UUID job : jobs) {
      ended.computeIfAbsent(job, id -> new int[2])[slot]++;
    }
  }
}
