package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.message.Priority;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What a dispatch round reads and claims, and what the publisher reads of the jobs it publishes. A
 * store of its own, not methods of {@link JobStore} and {@link TaskStore}: JDBI builds every method
 * of an interface each time it is attached (it locates the SQL, finds the mappers and the binders),
 * and the dispatcher attaches its store once per round, which with small jobs is once per job.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(DispatchCandidate.class)
@RegisterConstructorMapper(ClaimedTask.class)
@RegisterConstructorMapper(JobDispatchInfo.class)
public interface DispatchStore {

  /** Jobs with tasks to hand out, oldest first, at most {@code limit}. */
  @SqlQuery
  List<DispatchCandidate> findDispatchCandidates(@Bind("limit") int limit);

  /**
   * Tasks handed to Kafka and not yet started, per priority: what the dispatcher's credit spends.
   */
  @SqlQuery
  @KeyColumn("priority")
  @ValueColumn("queued")
  Map<Priority, Long> countQueuedByPriority();

  /**
   * Moves dispatchable tasks (PENDING, or RETRY_WAIT whose time has come, and not blocked by tasks
   * they depend on) to QUEUED: up to {@code limits[i]} of job {@code jobIds[i]}, lowest numbers
   * first, or highest if {@code newestFirst}. The tasks dispatchable out of turn come first (new
   * attempts, attempts handed back, tasks that waited for others; rows locked by another dispatcher
   * are skipped), then the job's next tasks in turn, from its cursor. The caller commits, then
   * publishes them.
   */
  default List<ClaimedTask> claimDispatchable(UUID[] jobIds, int[] limits, boolean newestFirst) {
    return claimDispatchable(jobIds, limits, newestFirst, null);
  }

  /**
   * As {@link #claimDispatchable(UUID[], int[], boolean)}, with retries due at {@code now} (null:
   * the database's time; tests pass one).
   */
  default List<ClaimedTask> claimDispatchable(
      UUID[] jobIds, int[] limits, boolean newestFirst, @Nullable Instant now) {
    useIndexesOnly();
    List<ClaimedTask> claimed =
        new ArrayList<>(
            claimOutOfTurn(
                jobIds, limits, Arrays.stream(limits).sum(), newestFirst ? "DESC" : "ASC", now));
    Map<UUID, Integer> outOfTurn = new HashMap<>();
    claimed.forEach(task -> outOfTurn.merge(task.jobId(), 1, Integer::sum));
    // In the order of the job ids, as CountDeltas updates the job rows: the cursors' row locks are
    // taken in the same order as every other batch of job rows.
    Map<UUID, Integer> widths = new TreeMap<>();
    for (int i = 0; i < jobIds.length; i++) {
      int width = limits[i] - outOfTurn.getOrDefault(jobIds[i], 0);
      if (width > 0) {
        widths.put(jobIds[i], width);
      }
    }
    if (!widths.isEmpty()) {
      claimed.addAll(
          claimInTurn(
              widths.keySet().toArray(UUID[]::new),
              widths.values().stream().mapToInt(Integer::intValue).toArray()));
    }
    return claimed;
  }

  /** Plans the rest of the transaction without sequential scans (see its SQL for why). */
  @SqlUpdate
  void useIndexesOnly();

  @SqlQuery
  List<ClaimedTask> claimOutOfTurn(
      @Bind("jobIds") UUID[] jobIds,
      @Bind("limits") int[] limits,
      @Bind("total") int total,
      @Define("direction") String direction,
      @Bind("now") @Nullable Instant now);

  @SqlQuery
  List<ClaimedTask> claimInTurn(@Bind("jobIds") UUID[] jobIds, @Bind("widths") int[] widths);

  /** What a task message carries of its job. */
  @SqlQuery
  List<JobDispatchInfo> findDispatchInfo(@Bind("ids") UUID[] ids);
}
