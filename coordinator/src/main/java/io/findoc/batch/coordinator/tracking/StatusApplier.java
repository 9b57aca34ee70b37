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
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.JobCountStore;
import io.findoc.batch.coordinator.store.JobProgress;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of worker reports in one transaction: guarded task transitions (a report of an
 * attempt that is not the task's current one, or for a task no longer in flight, changes nothing),
 * the job counters moved by the same deltas, and the resulting job state changes. Attempts a worker
 * deferred (their job is paused) go back to PENDING, to be dispatched again on resume; tasks that
 * depend on others move on with them ({@link Dependants}); tasks that failed for good go to the
 * dead-letter topic before the commit ({@link FailedTaskPublisher}). Jobs move on as their failure
 * policy says ({@link JobSettlement}); reports of compensation attempts go to {@link
 * CompensationReports}.
 */
@Component
public class StatusApplier {

  /** What applying a batch did. */
  public record Applied(int applied, int ignored) {

    /** A batch with no report. */
    public static final Applied NOTHING = new Applied(0, 0);

    /** Both parts of a batch applied on their own. */
    public Applied plus(Applied other) {
      return new Applied(applied + other.applied, ignored + other.ignored);
    }
  }

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

  /** Applies the reports; returns how many changed a task and how many changed nothing. */
  public Applied apply(List<StatusMessage> reports) {
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
    int applied =
        jdbi.inTransaction(
            handle ->
                apply(handle, batch, changed)
                    + (compensations.isEmpty()
                        ? 0
                        : compensationReports.apply(
                            handle, compensations, clock.instant(), ACTOR)));
    figures.record(changed);
    completions.record(batch.of(StatusKind.SUCCEEDED).size() + batch.of(StatusKind.FAILED).size());
    return new Applied(applied, reports.size() - applied);
  }

  private int apply(Handle handle, StatusBatch batch, AppliedAttempts changed) {
    TaskStore tasks = AttachedStores.of(handle, TaskStore.class);
    JobStore jobs = AttachedStores.of(handle, JobStore.class);
    CountDeltas deltas = new CountDeltas();

    List<TaskTransition> started = List.of();
    List<StatusMessage> starts = batch.of(StatusKind.STARTED);
    if (!starts.isEmpty()) {
      started =
          count(tasks.startIfPublished(ReportArrays.of(starts), lease), TaskState.RUNNING, deltas);
      changed.add(starts, started, AppliedAttempts.Change.STARTED);
    }
    List<StatusMessage> heartbeats = batch.of(StatusKind.HEARTBEAT);
    if (!heartbeats.isEmpty()) {
      tasks.extendLease(ReportArrays.of(heartbeats), lease);
    }
    List<TaskTransition> succeeded = List.of();
    List<StatusMessage> successes = batch.of(StatusKind.SUCCEEDED);
    if (!successes.isEmpty()) {
      succeeded =
          count(tasks.succeedIfActive(ReportArrays.of(successes)), TaskState.SUCCEEDED, deltas);
      changed.add(successes, succeeded, AppliedAttempts.Change.SUCCEEDED);
    }
    List<TaskTransition> failed = List.of();
    List<StatusMessage> failures = batch.of(StatusKind.FAILED);
    if (!failures.isEmpty()) {
      failed = applyFailures(failures, tasks, jobs, deltas, changed);
    }
    count(Dependants.update(succeeded, failed, tasks, jobs), TaskState.SKIPPED, deltas);
    if (!failed.isEmpty()) {
      deadLetters.publish(
          tasks.findFailures(
              failed.stream().map(TaskTransition::jobId).toArray(UUID[]::new),
              failed.stream().mapToInt(TaskTransition::number).toArray()));
    }
    List<StatusMessage> deferrals = batch.of(StatusKind.DEFERRED);
    if (!deferrals.isEmpty()) {
      count(tasks.deferIfPublished(ReportArrays.of(deferrals)), TaskState.PENDING, deltas);
    }
    // CANCELLED reports close attempts of tasks that the cancellation already ended: nothing to do.
    if (deltas.isEmpty()) {
      return 0;
    }
    List<JobProgress> progress = AttachedStores.of(handle, JobCountStore.class).addCounts(deltas);
    List<UUID> moved = progress.stream().map(JobProgress::id).toList();
    events.tasksChanged(handle, moved, started, succeeded, failed);
    JobSettlement.settle(handle, progress, ACTOR);
    events.progressMoved(handle, moved);
    return deltas.moves();
  }

  /** Applies failure reports; returns the tasks that failed for good. */
  private List<TaskTransition> applyFailures(
      List<StatusMessage> failures,
      TaskStore tasks,
      JobStore jobs,
      CountDeltas deltas,
      AppliedAttempts changed) {
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
    List<TaskTransition> failed = List.of();
    if (!finalFailures.isEmpty()) {
      failed = count(tasks.failIfActive(ReportArrays.of(finalFailures)), TaskState.FAILED, deltas);
      changed.add(finalFailures, failed, AppliedAttempts.Change.FAILED);
    }
    if (!retries.isEmpty()) {
      Instant now = clock.instant();
      Function<StatusMessage, Instant> due =
          r -> now.plus(backoff.forJob(policies.get(r.jobId().value())).after(r.attempt()));
      changed.add(
          retries,
          count(
              tasks.retryIfActive(ReportArrays.withNotBefore(retries, due)),
              TaskState.RETRY_WAIT,
              deltas),
          AppliedAttempts.Change.RETRIED);
    }
    return failed;
  }

  private static List<TaskTransition> count(
      List<TaskTransition> changed, TaskState to, CountDeltas deltas) {
    for (TaskTransition transition : changed) {
      deltas.move(transition.jobId(), transition.previousState(), to);
    }
    return changed;
  }
}
