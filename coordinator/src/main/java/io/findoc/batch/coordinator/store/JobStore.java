package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Jobs: their rows, their counters and their state changes. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(JobRow.class)
@RegisterConstructorMapper(JobProgress.class)
@RegisterConstructorMapper(JobDispatchInfo.class)
public interface JobStore {

  @SqlUpdate
  void insert(@BindMethods NewJob job);

  /** The job, whoever owns it: for the coordinator's own work, never for a client. */
  @SqlQuery
  Optional<JobRow> find(@Bind("id") UUID id);

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

  /** Moves the counters of several jobs by deltas; returns their new state and counts. */
  @SqlQuery
  List<JobProgress> addCounts(@BindMethods CountDeltas deltas);

  /**
   * Moves a job from {@code from} to {@code to}, setting its start and finish times, and records
   * the change in its history; {@code finished} says whether {@code to} is a finished state, {@code
   * reason} (may be null) why the job moved. Returns 0 if the job was not in {@code from}.
   */
  @SqlUpdate
  int moveState(
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

  /** Tasks handed to Kafka and not finished, over all jobs: what the dispatcher's credit spends. */
  @SqlQuery
  long countInFlight();

  /** Jobs whose tasks the dispatcher may hand out. */
  @SqlQuery
  int countDispatchable();

  @SqlQuery
  List<JobDispatchInfo> findDispatchInfo(@Bind("ids") UUID[] ids);

  /** The retry limit of each of the given jobs. */
  @SqlQuery
  @RegisterConstructorMapper(JobAttempts.class)
  List<JobAttempts> findMaxAttempts(@Bind("ids") UUID[] ids);

  /** A job's retry limit. */
  record JobAttempts(UUID id, int maxAttempts) {}
}
