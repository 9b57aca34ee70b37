package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.coordinator.store.DispatchCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How many tasks a dispatch round claims of each job, as parallel arrays for one claim statement,
 * one plan for the jobs that go oldest task first and one for those that go newest first.
 */
final class DispatchPlan {

  /** The jobs of one task order and how many tasks of each to claim. */
  record Claims(UUID[] jobIds, int[] limits) {

    boolean isEmpty() {
      return jobIds.length == 0;
    }

    int total() {
      int sum = 0;
      for (int limit : limits) {
        sum += limit;
      }
      return sum;
    }
  }

  private final List<UUID> fifoJobs = new ArrayList<>();
  private final List<Integer> fifoLimits = new ArrayList<>();
  private final List<UUID> lifoJobs = new ArrayList<>();
  private final List<Integer> lifoLimits = new ArrayList<>();

  void add(DispatchCandidate job, int limit) {
    if (limit <= 0) {
      return;
    }
    (job.lifo() ? lifoJobs : fifoJobs).add(job.id());
    (job.lifo() ? lifoLimits : fifoLimits).add(limit);
  }

  Claims fifo() {
    return claims(fifoJobs, fifoLimits);
  }

  Claims lifo() {
    return claims(lifoJobs, lifoLimits);
  }

  boolean isEmpty() {
    return fifoJobs.isEmpty() && lifoJobs.isEmpty();
  }

  private static Claims claims(List<UUID> jobs, List<Integer> limits) {
    return new Claims(
        jobs.toArray(UUID[]::new), limits.stream().mapToInt(Integer::intValue).toArray());
  }
}
