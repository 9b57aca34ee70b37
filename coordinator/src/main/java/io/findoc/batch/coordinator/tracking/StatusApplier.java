package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.dispatch.CompletionRate;
import io.findoc.batch.coordinator.events.JobEvents;
import io.findoc.batch.coordinator.metrics.AppliedAttempts;
import io.findoc.batch.coordinator.metrics.TaskFigures;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of worker reports in one transaction: guarded task transitions (a report of an
 * attempt that is not the task's current one, or for a task no longer in flight, changes nothing),
 * and all that follows from them ({@link TaskMoves}): the job counters moved by the same deltas,
 * task and progress events, and the resulting job state changes. Attempts a worker deferred (their
 * job is paused) go back to PENDING, to be dispatched again on resume; tasks that depend on others
 * move on with them ({@link Dependants}); tasks that failed for good go to the dead-letter topic
 * before the commit ({@link FailedTaskPublisher}). Jobs move on as their failure policy says
 * ({@link JobSettlement}); reports of compensation attempts go to {@link CompensationReports}.
 */
@Component
public class StatusApplier {

  /** How the job history names this component's state changes. */
  static final String ACTOR = "coordinator";

  private final Jdbi jdbi;
  private final RetryBackoff backoff;
  private final Clock clock;

  private final CompletionRate completions;
  private final FailedTaskPublisher deadLetters;
  private final JobEvents events;
  private final String lease;
  private final TaskFigures figures;
  private final CompensationReports compensationReports;

  public StatusApplier(
      Jdbi jdbi,
      CoordinatorProperties properties,
      Clock clock,
      CompletionRate completions,
      FailedTaskPublisher deadLetters,
      TaskFigures figures,
      JobEvents events) {
    this.jdbi = jdbi;
    this.figures = figures;
    this.events = events;
    this.deadLetters = deadLetters;
    this.lease = properties.lease().asInterval();
    this.completions = completions;
    this.backoff = new RetryBackoff(properties.retry());
    this.clock = clock;
    this.compensationReports = new CompensationReports(backoff, lease, deadLetters);
  }

  /** Applies the reports; returns what became of each ({@link ReportOutcome}). */
  public ReportTally apply(List<StatusMessage> reports) {
    StatusBatch batch = new StatusBatch();
    AppliedAttempts changed = new AppliedAttempts();
    List<StatusMessage> compensations = new ArrayList<>();
    for (StatusMessage report : reports) {
      if (report.compensation()) {
        compensations.add(report);
      } else {
        batch.add(report);
      }
    }
    ReportTally tally =
        jdbi.inTransaction(
            handle -> {
              ReportTally ofTasks = apply(handle, batch, changed);
              return compensations.isEmpty()
                  ? ofTasks
                  : ofTasks.add(
                      compensationReports.apply(handle, compensations, clock.instant(), ACTOR));
            });
    figures.record(changed);
    completions.record(batch.of(StatusKind.SUCCEEDED).size() + batch.of(StatusKind.FAILED).size());
    return tally;
  }

  private ReportTally apply(Handle handle, StatusBatch batch, AppliedAttempts changed) {
    TaskStore tasks = AttachedStores.of(handle, TaskStore.class);
    TaskMoves moves = new TaskMoves(handle);
    UnchangedReports unchanged = new UnchangedReports();
    ReportTally tally =
        new ReportTally()
            .add(ReportOutcome.DUPLICATE, batch.repeated())
            // CANCELLED reports close attempts of tasks the cancellation already ended.
            .add(ReportOutcome.CLOSED, batch.of(StatusKind.CANCELLED).size());
    int applied = 0;
    List<StatusMessage> starts = batch.of(StatusKind.STARTED);
    if (!starts.isEmpty()) {
      List<TaskTransition> started =
          moves.started(tasks.startIfPublished(ReportArrays.of(starts), lease));
      changed.add(starts, unchanged.note(starts, started, false), AppliedAttempts.Change.STARTED);
      applied += started.size();
    }
    List<StatusMessage> heartbeats = batch.of(StatusKind.HEARTBEAT);
    if (!heartbeats.isEmpty()) {
      int extended = tasks.extendLease(ReportArrays.of(heartbeats), lease);
      tally.add(ReportOutcome.HEARTBEAT, extended);
      tally.add(ReportOutcome.LATE, heartbeats.size() - extended);
    }
    List<StatusMessage> successes = batch.of(StatusKind.SUCCEEDED);
    if (!successes.isEmpty()) {
      List<TaskTransition> succeeded =
          moves.succeeded(tasks.succeedIfActive(ReportArrays.of(successes)));
      changed.add(
          successes, unchanged.note(successes, succeeded, false), AppliedAttempts.Change.SUCCEEDED);
      applied += succeeded.size();
    }
    List<StatusMessage> failures = batch.of(StatusKind.FAILED);
    if (!failures.isEmpty()) {
      applied +=
          applyFailures(
              failures,
              tasks,
              AttachedStores.of(handle, JobStore.class),
              moves,
              changed,
              unchanged);
    }
    List<StatusMessage> deferrals = batch.of(StatusKind.DEFERRED);
    if (!deferrals.isEmpty()) {
      List<TaskTransition> deferred =
          moves.moved(tasks.deferIfPublished(ReportArrays.of(deferrals)), TaskState.PENDING);
      unchanged.note(deferrals, deferred, false);
      applied += deferred.size();
    }
    moves.settle(deadLetters, events, ACTOR);
    tally.add(ReportOutcome.APPLIED, applied).add(unchanged.tally(tasks, batch));
    return tally.add(ReportOutcome.FOLDED, batch.folded() - unchanged.refolded());
  }

  /**
   * Applies failure reports: retries where attempts are left, failures for good otherwise; returns
   * how many moved their task.
   */
  private int applyFailures(
      List<StatusMessage> failures,
      TaskStore tasks,
      JobStore jobs,
      TaskMoves moves,
      AppliedAttempts changed,
      UnchangedReports unchanged) {
    FailureReports split = new FailureReports(failures, jobs);
    List<StatusMessage> retries = split.retries();
    List<StatusMessage> finalFailures = split.finalFailures();
    int moved = 0;
    if (!finalFailures.isEmpty()) {
      List<TaskTransition> failed =
          moves.failed(tasks.failIfActive(ReportArrays.of(finalFailures)));
      changed.add(
          finalFailures,
          unchanged.note(finalFailures, failed, false),
          AppliedAttempts.Change.FAILED);
      moved += failed.size();
    }
    if (!retries.isEmpty()) {
      List<TaskTransition> retried =
          moves.moved(
              tasks.retryIfActive(split.retriesDue(backoff, clock.instant())),
              TaskState.RETRY_WAIT);
      changed.add(retries, unchanged.note(retries, retried, true), AppliedAttempts.Change.RETRIED);
      moved += retried.size();
    }
    return moved;
  }
}
