package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.events.JobEvents;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.JobCountStore;
import io.findoc.batch.coordinator.store.JobProgress;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The task moves of one transaction, and all that follows from them, done once when it ends ({@link
 * #settle}): dependants unblocked or skipped, tasks that failed for good dead-lettered, the job
 * counters moved, the {@code batch.task.*} events written, the jobs moved on by their failure
 * policy, and {@code batch.job.progress} written. Whoever moves tasks through it (worker reports in
 * {@link StatusApplier}, lost leases in {@link LeaseReaper}) cannot forget one of these.
 */
final class TaskMoves {

  private final Handle handle;
  private final CountDeltas deltas = new CountDeltas();
  private final List<TaskTransition> started = new ArrayList<>();
  private final List<TaskTransition> succeeded = new ArrayList<>();
  private final List<TaskTransition> failed = new ArrayList<>();

  TaskMoves(Handle handle) {
    this.handle = handle;
  }

  /** The attempts that started running. */
  List<TaskTransition> started(List<TaskTransition> transitions) {
    started.addAll(transitions);
    return moved(transitions, TaskState.RUNNING);
  }

  /** The tasks that succeeded. */
  List<TaskTransition> succeeded(List<TaskTransition> transitions) {
    succeeded.addAll(transitions);
    return moved(transitions, TaskState.SUCCEEDED);
  }

  /** The tasks that failed for good. */
  List<TaskTransition> failed(List<TaskTransition> transitions) {
    failed.addAll(transitions);
    return moved(transitions, TaskState.FAILED);
  }

  /** Tasks that moved to {@code to}, a state with no task event (a retry, a deferral). */
  List<TaskTransition> moved(List<TaskTransition> transitions, TaskState to) {
    for (TaskTransition transition : transitions) {
      deltas.move(transition.jobId(), transition.previousState(), to);
    }
    return transitions;
  }

  /**
   * Does all that follows from the moves, in their transaction; {@code actor} names the component
   * in the jobs' history.
   */
  void settle(FailedTaskPublisher deadLetters, JobEvents events, String actor) {
    TaskStore tasks = AttachedStores.of(handle, TaskStore.class);
    moved(
        Dependants.update(succeeded, failed, tasks, AttachedStores.of(handle, JobStore.class)),
        TaskState.SKIPPED);
    if (!failed.isEmpty()) {
      deadLetters.publish(
          tasks.findFailures(
              failed.stream().map(TaskTransition::jobId).toArray(UUID[]::new),
              failed.stream().mapToInt(TaskTransition::number).toArray()));
    }
    if (deltas.isEmpty()) {
      return;
    }
    List<JobProgress> progress = AttachedStores.of(handle, JobCountStore.class).addCounts(deltas);
    List<UUID> moved = progress.stream().map(JobProgress::id).toList();
    events.tasksChanged(handle, moved, started, succeeded, failed);
    JobSettlement.settle(handle, progress, actor);
    events.progressMoved(handle, moved);
  }
}
