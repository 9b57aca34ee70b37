package io.findoc.batch.coordinator.store;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What failure policies change on tasks: fail-fast cancellation, and the compensation of succeeded
 * tasks when their job rolls back (column {@code task.compensation}, its own state machine {@code
 * CompensationState}; every UPDATE names the compensation state and attempt it expects).
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(TaskTransition.class)
@RegisterConstructorMapper(ClaimedTask.class)
public interface CompensationStore {

  /** Cancels every unfinished task of the job with the given error; returns what it moved. */
  @SqlQuery
  List<TaskTransition> cancelUnfinishedFailingFast(
      @Bind("jobId") UUID jobId,
      @Bind("errorCode") String errorCode,
      @Bind("errorMessage") String errorMessage);

  /**
   * Gives every SUCCEEDED task of the job a PENDING compensation (attempt 1) and records their
   * number on the job; returns it.
   */
  @SqlUpdate
  int startCompensation(@Bind("jobId") UUID jobId);

  /**
   * Claims up to {@code limit} PENDING (or due RETRY_WAIT) compensations of ROLLING_BACK jobs,
   * moving them to QUEUED, skipping rows others hold; {@code attempt} is the compensation's.
   */
  @SqlQuery
  List<ClaimedTask> claimCompensations(@Bind("limit") int limit);

  /** Moves reported compensations that were PENDING or QUEUED to RUNNING; returns their jobs. */
  @SqlQuery
  List<UUID> startIfPublished(@BindMethods TaskStore.Reports reports);

  /** Moves reported compensations that were in flight to DONE; returns their jobs. */
  @SqlQuery
  List<UUID> completeIfActive(@BindMethods TaskStore.Reports reports);

  /** Moves reported compensations that were in flight to FAILED; returns their jobs. */
  @SqlQuery
  List<UUID> failIfActive(@BindMethods TaskStore.Reports reports);

  /**
   * Moves reported compensations that were in flight to RETRY_WAIT as the next attempt, due at the
   * report's {@code notBefore}.
   */
  @SqlUpdate
  int retryIfActive(@BindMethods TaskStore.Reports reports);

  /** Puts reported compensations a worker did not run back to PENDING. */
  @SqlUpdate
  int deferIfPublished(@BindMethods TaskStore.Reports reports);

  /**
   * Adds compensations done and failed to each job; returns the ROLLING_BACK jobs whose
   * compensations have all ended.
   */
  @SqlQuery
  @RegisterConstructorMapper(CompensationTally.class)
  List<CompensationTally> addCompensated(
      @Bind("ids") UUID[] ids, @Bind("done") int[] done, @Bind("failed") int[] failed);

  /** A rolling-back job whose compensations all ended: how many, and how many failed. */
  record CompensationTally(UUID id, int compensations, int compensationFailed) {}
}
