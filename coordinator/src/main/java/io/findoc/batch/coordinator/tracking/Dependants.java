package io.findoc.batch.coordinator.tracking;

import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a batch of results means for the tasks that depend on them, in jobs whose tasks depend on
 * one another: a success counts off what its dependants wait for, and a failure for good skips
 * every task that depends on it, directly or not. Jobs without such dependencies cost one lookup.
 */
final class Dependants {

  private Dependants() {}

  /** Updates the dependants; returns the tasks it skipped (each was PENDING). */
  static List<TaskTransition> update(
      List<TaskTransition> succeeded, List<TaskTransition> failed, TaskStore tasks, JobStore jobs) {
    if (succeeded.isEmpty() && failed.isEmpty()) {
      return List.of();
    }
    UUID[] jobIds =
        Stream.concat(succeeded.stream(), failed.stream())
            .map(TaskTransition::jobId)
            .distinct()
            .toArray(UUID[]::new);
    Set<UUID> withDependencies = jobs.findWithTaskDependencies(jobIds);
    if (withDependencies.isEmpty()) {
      return List.of();
    }
    List<TaskTransition> unblocking = of(succeeded, withDependencies);
    if (!unblocking.isEmpty()) {
      tasks.unblockDependants(jobIds(unblocking), numbers(unblocking));
    }
    List<TaskTransition> dooming = of(failed, withDependencies);
    if (dooming.isEmpty()) {
      return List.of();
    }
    return tasks.skipDependants(jobIds(dooming), numbers(dooming));
  }

  private static List<TaskTransition> of(List<TaskTransition> tasks, Set<UUID> jobs) {
    return tasks.stream().filter(t -> jobs.contains(t.jobId())).toList();
  }

  private static UUID[] jobIds(List<TaskTransition> tasks) {
    return tasks.stream().map(TaskTransition::jobId).toArray(UUID[]::new);
  }

  private static int[] numbers(List<TaskTransition> tasks) {
    return tasks.stream().mapToInt(TaskTransition::number).toArray();
  }
}
