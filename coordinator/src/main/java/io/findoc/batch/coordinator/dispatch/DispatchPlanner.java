package io.findoc.batch.coordinator.dispatch;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.store.DispatchCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divides the queue among the jobs that have tasks to hand out, and so the round's credit. Each
 * priority has its own queue and credit, so a backlog of low-priority tasks never holds a
 * high-priority job back. Within a priority the queue's target size is divided fairly ({@link
 * FairShare}) among tenants, and each tenant's share among its jobs; a job gets what its share
 * leaves above what it holds already. So a ten-task job submitted while a million-task job fills
 * the queue gets the next free places, not the ones after the big job.
 */
final class DispatchPlanner {

  private DispatchPlanner() {}

  /**
   * @param jobs the candidates, oldest job first (earlier jobs get the units that do not divide)
   * @param target the queued tasks each priority should have
   * @param credit how many tasks each priority may hand out this round
   */
  static DispatchPlan plan(
      List<DispatchCandidate> jobs, int target, Map<Priority, Integer> credit) {
    DispatchPlan plan = new DispatchPlan();
    for (Priority priority : Priority.values()) {
      int available = credit.getOrDefault(priority, 0);
      if (available <= 0) {
        continue;
      }
      List<DispatchCandidate> candidates = new ArrayList<>();
      int[] wanted = wanted(jobs, priority, target, candidates);
      int[] granted = FairShare.divide(available, wanted);
      for (int i = 0; i < candidates.size(); i++) {
        plan.add(candidates.get(i), granted[i]);
      }
    }
    return plan;
  }

  /** Each job's fair place in the queue less what it holds, in tenant order. */
  private static int[] wanted(
      List<DispatchCandidate> jobs,
      Priority priority,
      int target,
      List<DispatchCandidate> candidates) {
    Map<String, List<DispatchCandidate>> byTenant = new LinkedHashMap<>();
    for (DispatchCandidate job : jobs) {
      if (job.priority() == priority) {
        byTenant.computeIfAbsent(job.tenantId(), t -> new ArrayList<>()).add(job);
      }
    }
    List<List<DispatchCandidate>> tenants = new ArrayList<>(byTenant.values());
    int[] tenantShares =
        FairShare.divide(
            target,
            tenants.stream()
                .mapToInt(own -> (int) Math.min(Integer.MAX_VALUE, demand(own)))
                .toArray());
    List<Integer> wanted = new ArrayList<>();
    for (int t = 0; t < tenants.size(); t++) {
      List<DispatchCandidate> own = tenants.get(t);
      int[] jobShares =
          FairShare.divide(
              tenantShares[t], own.stream().mapToInt(DispatchCandidate::demand).toArray());
      for (int j = 0; j < own.size(); j++) {
        DispatchCandidate job = own.get(j);
        candidates.add(job);
        wanted.add(Math.max(0, Math.min(job.undispatched(), jobShares[j] - job.queued())));
      }
    }
    return wanted.stream().mapToInt(Integer::intValue).toArray();
  }

  private static long demand(List<DispatchCandidate> jobs) {
    return jobs.stream().mapToLong(DispatchCandidate::demand).sum();
  }
}
