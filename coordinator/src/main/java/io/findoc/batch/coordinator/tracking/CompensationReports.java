package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.id.TaskId;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CompensationStore;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Applies workers' reports of compensation attempts ({@link StatusMessage#compensation()}) of
 * rolling-back jobs, in the status batch's transaction: each guarded on the compensation's state
 * and attempt, so duplicates and late reports change nothing. {@code STARTED} gives the attempt a
 * lease that {@code HEARTBEAT}s extend (the {@link CompensationLeaseReaper} hands out again those
 * that lose it). A retryable failure with attempts left (the job's {@code maxAttempts} and backoff)
 * waits for its next attempt; a compensation that fails for good stays FAILED with its error and
 * goes to the dead-letter topic before the commit. Jobs whose compensations have all ended move on
 * ({@link EndedCompensations}): the operator then sees which tasks were not undone ({@code
 * compensation: FAILED} on the task).
 */
final class CompensationReports {

  private final RetryBackoff backoff;
  private final String lease;
  private final FailedTaskPublisher deadLetters;

  /**
   * @param lease the lease of a running attempt, as a PostgreSQL interval
   */
  CompensationReports(RetryBackoff backoff, String lease, FailedTaskPublisher deadLetters) {
    this.backoff = backoff;
    this.lease = lease;
    this.deadLetters = deadLetters;
  }

  /** Applies the reports; returns what became of each ({@link ReportOutcome}). */
  ReportTally apply(Handle handle, List<StatusMessage> reports, Instant now, String actor) {
    StatusBatch batch = new StatusBatch();
    reports.forEach(batch::add);
    // Read before the reports move them: a report of another attempt than this is late.
    int late = lateReports(batch, AttachedStores.of(handle, TaskStore.class));
    CompensationStore store = AttachedStores.of(handle, CompensationStore.class);
    ReportTally tally =
        new ReportTally()
            .add(ReportOutcome.FOLDED, batch.folded())
            .add(ReportOutcome.DUPLICATE, batch.repeated());
    int changed = 0;
    List<StatusMessage> starts = batch.of(StatusKind.STARTED);
    if (!starts.isEmpty()) {
      changed += store.startIfPublished(ReportArrays.of(starts), lease).size();
    }
    List<StatusMessage> heartbeats = batch.of(StatusKind.HEARTBEAT);
    if (!heartbeats.isEmpty()) {
      int extended = store.extendLease(ReportArrays.of(heartbeats), lease);
      tally
          .add(ReportOutcome.HEARTBEAT, extended)
          .add(ReportOutcome.LATE, heartbeats.size() - extended);
    }
    EndedCompensations ended = new EndedCompensations();
    List<StatusMessage> successes = batch.of(StatusKind.SUCCEEDED);
    if (!successes.isEmpty()) {
      store.completeIfActive(ReportArrays.of(successes)).forEach(ended::done);
    }
    List<StatusMessage> failures = batch.of(StatusKind.FAILED);
    if (!failures.isEmpty()) {
      changed += applyFailures(failures, handle, store, ended, now);
    }
    List<StatusMessage> deferrals = new ArrayList<>(batch.of(StatusKind.DEFERRED));
    deferrals.addAll(batch.of(StatusKind.CANCELLED));
    if (!deferrals.isEmpty()) {
      changed += store.deferIfPublished(ReportArrays.of(deferrals));
    }
    ended.settle(handle, actor);
    changed += ended.size();
    int moving = batch.size() - heartbeats.size();
    return tally
        .add(ReportOutcome.APPLIED, changed)
        .add(ReportOutcome.LATE, late)
        .add(ReportOutcome.DUPLICATE, Math.max(0, moving - changed - late));
  }

  /**
   * The reports, heartbeats aside, of a compensation attempt that is not the task's current one.
   */
  private static int lateReports(StatusBatch batch, TaskStore tasks) {
    List<StatusMessage> moving = new ArrayList<>();
    for (StatusKind kind : StatusKind.values()) {
      if (kind != StatusKind.HEARTBEAT) {
        moving.addAll(batch.of(kind));
      }
    }
    if (moving.isEmpty()) {
      return 0;
    }
    Map<TaskId, Integer> current =
        tasks
            .findCurrentAttempts(
                moving.stream().map(r -> r.jobId().value()).toArray(UUID[]::new),
                moving.stream().mapToInt(StatusMessage::taskNumber).toArray())
            .stream()
            .collect(
                Collectors.toMap(
                    a -> new TaskId(new JobId(a.jobId()), a.number()),
                    TaskStore.CurrentAttempt::compensationAttempt));
    return (int)
        moving.stream()
            .filter(r -> !Integer.valueOf(r.attempt()).equals(current.get(r.taskId())))
            .count();
  }

  private int applyFailures(
      List<StatusMessage> failures,
      Handle handle,
      CompensationStore store,
      EndedCompensations ended,
      Instant now) {
    FailureReports split = new FailureReports(failures, AttachedStores.of(handle, JobStore.class));
    List<StatusMessage> retries = split.retries();
    List<StatusMessage> finalFailures = split.finalFailures();
    int changed = 0;
    if (!finalFailures.isEmpty()) {
      List<TaskStore.Failure> failed = store.failIfActive(ReportArrays.of(finalFailures));
      failed.forEach(f -> ended.failed(f.jobId()));
      if (!failed.isEmpty()) {
        deadLetters.publishCompensations(failed);
      }
    }
    if (!retries.isEmpty()) {
      changed += store.retryIfActive(split.retriesDue(backoff, now));
    }
    return changed;
  }
}
