package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.event.EventType;
import io.findoc.batch.common.message.ControlAction;
import io.findoc.batch.common.state.IllegalTransitionException;
import io.findoc.batch.common.state.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Jobs: their rows and their state changes (their counters move through {@link JobCountStore}). */
@UseClasspathSqlLocator
@RegisterConstructorMapper(JobRow.class)
public interface JobStore extends SqlObject {

  @SqlUpdate
  void insert(@BindMethods NewJob job);

  /** The dependencies of a new job, which must exist already. */
  @SqlUpdate
  void insertDependencies(@Bind("id") UUID id, @Bind("dependsOn") UUID[] dependsOn);

  /** Those of {@code ids} that are jobs of the tenant. */
  @SqlQuery
  Set<UUID> findExistingForTenant(@Bind("tenantId") String tenantId, @Bind("ids") UUID[] ids);

  /** The tasks of the tenant's unfinished jobs that are not done: what its queue limit counts. */
  @SqlQuery
  long countUnfinishedTasksOfTenant(@Bind("tenantId") String tenantId);

  /**
   * Moves WAITING jobs whose prerequisites all completed to QUEUED (a move {@link JobState}'s table
   * allows, checked here as for {@link #moveState}); returns their ids.
   */
  default List<UUID> releaseWaiting() {
    JobState.WAITING.moveTo(JobState.QUEUED);
    return releaseReadyJobs();
  }

  /** The statement of {@link #releaseWaiting}, without its check: only that calls it. */
  @SqlQuery("releaseWaiting")
  List<UUID> releaseReadyJobs();

  /** WAITING jobs a prerequisite of which ended otherwise than COMPLETED, with that job. */
  @SqlQuery
  @RegisterConstructorMapper(BlockedJob.class)
  List<BlockedJob> findWaitingOnFailedJobs(@Bind("limit") int limit);

  /** A WAITING job that never can start, and the prerequisite that ended without completing. */
  record BlockedJob(UUID id, UUID prerequisite, JobState prerequisiteState) {}

  /**
   * Records the instruction that stands for the job on the control topic ({@code PAUSE} or {@code
   * CANCEL}), or that none does (null).
   */
  @SqlUpdate
  void setControlSignal(@Bind("id") UUID id, @Bind("signal") ControlAction signal);

  /**
   * Jobs finished more than {@code retention} ago (a PostgreSQL interval, such as {@code 3600
   * seconds}) whose instruction still stands on the control topic.
   */
  @SqlQuery
  List<UUID> findControlsToLift(@Bind("retention") String retention, @Bind("limit") int limit);

  /** Records that no instruction stands for the jobs any more. */
  @SqlUpdate
  void clearControlSignals(@Bind("ids") UUID[] ids);

  /**
   * Takes the tenant's idempotency key for a new job; empty if another submission holds it (this
   * waits for that one's transaction to end).
   */
  @SqlQuery
  Optional<UUID> claimIdempotencyKey(
      @Bind("tenantId") String tenantId, @Bind("key") String key, @Bind("jobId") UUID jobId);

  /** The job submitted with the tenant's idempotency key, if any. */
  @SqlQuery
  Optional<UUID> findByIdempotencyKey(@Bind("tenantId") String tenantId, @Bind("key") String key);

  /** The job, whoever owns it: for the coordinator's own work, never for a client. */
  @SqlQuery
  Optional<JobRow> find(@Bind("id") UUID id);

  /** Those of {@code ids} that exist, whoever owns them: for the progress streams, say. */
  @SqlQuery
  List<JobRow> findAll(@Bind("ids") UUID[] ids);

  /** The job, if it exists and belongs to the tenant. */
  @SqlQuery
  Optional<JobRow> findForTenant(@Bind("id") UUID id, @Bind("tenantId") String tenantId);

  /**
   * A page of the tenant's jobs, newest first, optionally of one state, starting after the job
   * created at {@code afterCreatedAt} with {@code afterId} (both null for the first page).
   */
  @SqlQuery
  List<JobRow> listForTenant(
      @Bind("tenantId") String tenantId,
      @Bind("state") String state,
      @Bind("afterCreatedAt") Instant afterCreatedAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  /**
   * Moves a job from {@code from} to {@code to}, setting its start and finish times (a job is
   * finished when {@code to} {@linkplain JobState#isFinished is}), and records the change in its
   * history and, in the same transaction, the event it emits (the outbox row of {@link
   * EventType#ofTransition}); {@code reason} (may be null) says why the job moved. Returns 0 if the
   * job was not in {@code from}.
   *
   * @throws IllegalTransitionException if {@link JobState}'s table forbids the move (nothing is
   *     written)
   */
  default int moveState(UUID id, JobState from, JobState to, String actor, String reason) {
    from.moveTo(to);
    int moved = changeState(id, from, to, to.isFinished(), actor, reason);
    if (moved > 0) {
      EventType.ofTransition(from, to)
          .ifPresent(
              type ->
                  AttachedStores.of(getHandle(), EventStore.class)
                      .insertJobEvent(id, type, from, reason));
    }
    return moved;
  }

  /**
   * The state change of {@link #moveState}, without its event or its check: only {@link #moveState}
   * calls it.
   */
  @SqlUpdate("moveState")
  int changeState(
      @Bind("id") UUID id,
      @Bind("from") JobState from,
      @Bind("to") JobState to,
      @Bind("finished") boolean finished,
      @Bind("actor") String actor,
      @Bind("reason") String reason);

  /** Records an action on a job that did not change its state, such as a new priority. */
  @SqlUpdate
  void recordHistory(
      @Bind("id") UUID id,
      @Bind("from") JobState from,
      @Bind("to") JobState to,
      @Bind("actor") String actor,
      @Bind("detail") String detail);

  /** The job's history, oldest first. */
  @SqlQuery
  @RegisterConstructorMapper(JobHistoryEntry.class)
  List<JobHistoryEntry> findHistory(@Bind("id") UUID id);

  /** Sets the priority of an unfinished job; returns 0 if it has finished. */
  @SqlUpdate
  int changePriority(@Bind("id") UUID id, @Bind("priority") String priority);

  /** Those of the given jobs whose tasks depend on one another. */
  @SqlQuery
  Set<UUID> findWithTaskDependencies(@Bind("ids") UUID[] ids);

  /** The retry limit and backoff of each of the given jobs. */
  @SqlQuery
  @RegisterConstructorMapper(JobAttempts.class)
  List<JobAttempts> findMaxAttempts(@Bind("ids") UUID[] ids);

  /** A job's retry limit, and its own backoff in milliseconds (null: the coordinator's default). */
  record JobAttempts(UUID id, int maxAttempts, Long initialBackoffMs, Long maxBackoffMs) {}
}
