package io.findoc.batch.coordinator.control;

import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.CountDeltas;
import io.findoc.batch.coordinator.store.TaskRetryStore;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The operator's retry of failed tasks in a job whose tasks depend on one another: the failed tasks
 * run again as new attempts, and the tasks skipped because they depended on them (directly or not)
 * wait for them again (PENDING, {@code blocked_by} counted afresh). A reopened task that also
 * depends on a task still failed is skipped again at once, so nothing waits for ever.
 */
final class DependentRetry {

  private DependentRetry() {}

  /** Retries in the caller's transaction; records the count moves; returns the tasks retried. */
  static int retry(
      Handle handle, UUID job, String[] errorCodes, int[] numbers, CountDeltas deltas) {
    TaskRetryStore retries = AttachedStores.of(handle, TaskRetryStore.class);
    TaskStore tasks = AttachedStores.of(handle, TaskStore.class);
    List<Integer> retried = tasks.retryFailed(job, errorCodes, numbers);
    if (retried.isEmpty()) {
      return 0;
    }
    deltas.move(job, TaskState.FAILED, TaskState.PENDING, retried.size());
    List<Integer> reopened = retries.reopenSkippedDependants(job, ints(retried));
    if (reopened.isEmpty()) {
      return retried.size();
    }
    deltas.move(job, TaskState.SKIPPED, TaskState.PENDING, reopened.size());
    List<Integer> both = new ArrayList<>(retried);
    both.addAll(reopened);
    retries.recountBlocked(job, ints(both));
    List<Integer> stillFailed = retries.findFailedNumbers(job);
    if (!stillFailed.isEmpty()) {
      UUID[] jobs = stillFailed.stream().map(n -> job).toArray(UUID[]::new);
      for (TaskTransition skipped : tasks.skipDependants(jobs, ints(stillFailed))) {
        deltas.move(job, skipped.previousState(), TaskState.SKIPPED);
      }
    }
    return retried.size();
  }

  private static int[] ints(List<Integer> numbers) {
    return numbers.stream().mapToInt(Integer::intValue).toArray();
  }
}
