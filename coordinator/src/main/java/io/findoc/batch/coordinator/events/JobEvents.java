package io.findoc.batch.coordinator.events;

import io.findoc.batch.common.event.EventType;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.EventStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * Writes the events of a submission and of a status batch into the outbox, in the caller's
 * transaction. Job state events are written by {@code JobStore.moveState} itself; this adds {@code
 * batch.job.created}, the throttled {@code batch.job.progress} and, for the jobs that asked for
 * them, the {@code batch.task.*} events, one statement for the whole batch.
 */
@Component
public class JobEvents {

  private final int progressStepPercent;
  private final String progressInterval;

  public JobEvents(CoordinatorProperties properties) {
    this.progressStepPercent = properties.events().progressStepPercent();
    this.progressInterval = properties.events().progressInterval().toMillis() + " milliseconds";
  }

  /**
   * Writes {@code batch.job.created} for a job just stored; {@code taskEvents} says whether its
   * tasks write events (a webhook of the job wants them, the tenant has an endpoint that does, or
   * the submission asked).
   */
  public void jobCreated(Handle handle, String tenant, UUID jobId, boolean taskEvents) {
    EventStore events = AttachedStores.of(handle, EventStore.class);
    if (taskEvents || events.tenantWantsTaskEvents(tenant)) {
      events.enableTaskEvents(jobId);
    }
    events.insertJobEvent(jobId, EventType.JOB_CREATED, null, "submitted");
  }

  /**
   * Writes the task events of a status batch, for the jobs that write them (nothing at all, not
   * even the arrays, for the others); call it after the counters moved and before the jobs change
   * state, so that a job's last task events come before its completion.
   */
  public void tasksChanged(
      Handle handle,
      Collection<UUID> jobsMoved,
      List<TaskTransition> started,
      List<TaskTransition> succeeded,
      List<TaskTransition> failed) {
    if (jobsMoved.isEmpty() || (started.isEmpty() && succeeded.isEmpty() && failed.isEmpty())) {
      return;
    }
    EventStore events = AttachedStores.of(handle, EventStore.class);
    Set<UUID> withTaskEvents = events.findWithTaskEvents(jobsMoved.toArray(UUID[]::new));
    if (!withTaskEvents.isEmpty()) {
      writeTaskEvents(events, withTaskEvents, started, succeeded, failed);
    }
  }

  /**
   * Writes {@code batch.job.progress} for the unfinished jobs whose counts moved, where due
   * (throttled); the figures are the counters of this transaction.
   */
  public void progressMoved(Handle handle, Collection<UUID> jobsMoved) {
    if (!jobsMoved.isEmpty()) {
      AttachedStores.of(handle, EventStore.class)
          .insertProgressEvents(
              jobsMoved.toArray(UUID[]::new), progressStepPercent, progressInterval);
    }
  }

  private static void writeTaskEvents(
      EventStore events,
      Set<UUID> jobs,
      List<TaskTransition> started,
      List<TaskTransition> succeeded,
      List<TaskTransition> failed) {
    List<TaskTransition> tasks = new ArrayList<>();
    List<String> types = new ArrayList<>();
    Stream.of(
            new Typed(started, EventType.TASK_STARTED),
            new Typed(succeeded, EventType.TASK_COMPLETED),
            new Typed(failed, EventType.TASK_FAILED))
        .forEach(
            typed ->
                typed.transitions.stream()
                    .filter(t -> jobs.contains(t.jobId()))
                    .forEach(
                        t -> {
                          tasks.add(t);
                          types.add(typed.type.wireName());
                        }));
    if (tasks.isEmpty()) {
      return;
    }
    events.insertTaskEvents(
        tasks.stream().map(TaskTransition::jobId).toArray(UUID[]::new),
        tasks.stream().mapToInt(TaskTransition::number).toArray(),
        types.toArray(String[]::new));
  }

  private record Typed(List<TaskTransition> transitions, EventType type) {}
}
