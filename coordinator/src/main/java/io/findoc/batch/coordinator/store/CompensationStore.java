package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.CompensationState;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Arrays;
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
 * CompensationState}; every UPDATE names the compensation state and attempt it expects). A RUNNING
 * compensation holds a lease ({@code compensation_lease_until}, database time) like a task attempt.
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
   * moving them to QUEUED, skipping rows others hold; {@code attempt} is the compensation's. A
   * retry is due at {@code now} (null: the database's time; tests pass one).
   */
  @SqlQuery
  List<ClaimedTask> claimCompensations(
      @Bind("limit") int limit, @Bind("now") @Nullable Instant now);

  /**
   * Moves reported compensations that were PENDING or QUEUED to RUNNING with a lease of {@code
   * lease} (a PostgreSQL interval); returns their jobs.
   */
  default List<UUID> startIfPublished(TaskStore.Reports reports, String lease) {
    return jobsOf(
        moveReported(
            reports,
            names(CompensationState.PENDING, CompensationState.QUEUED),
            CompensationState.RUNNING,
            lease));
  }

  /** Extends the lease of the reported compensation attempts that are still RUNNING. */
  @SqlUpdate
  int extendLease(@BindMethods TaskStore.Reports reports, @Bind("lease") String lease);

  /**
   * Moves up to {@code limit} RUNNING compensations whose lease ran out {@code grace} (how far
   * behind the status intake is, a PostgreSQL interval) ago back to PENDING as the next attempt, or
   * to FAILED with {@code LEASE_EXPIRED} after their job's last attempt, skipping rows others hold;
   * returns each with the state it moved to. Leases are judged at {@code now} (null: the database's
   * time; tests pass one).
   */
  @SqlQuery
  @RegisterConstructorMapper(ExpiredLease.class)
  List<ExpiredLease> reapExpiredLeases(
      @Bind("limit") int limit, @Bind("grace") String grace, @Bind("now") @Nullable Instant now);

  /**
   * A compensation whose lease ran out, and the state it moved to; the attempt, error and worker
   * are the compensation's.
   */
  record ExpiredLease(
      UUID jobId,
      int number,
      CompensationState state,
      String documentRef,
      int attempt,
      String errorCode,
      String errorMessage,
      String worker,
      Instant finishedAt) {

    /** The compensation's failure, as the dead-letter topic gets it. */
    public TaskStore.Failure failure() {
      return new TaskStore.Failure(
          jobId, number, documentRef, attempt, errorCode, errorMessage, worker, finishedAt);
    }
  }

  /** Moves reported compensations that were in flight to DONE; returns their jobs. */
  default List<UUID> completeIfActive(TaskStore.Reports reports) {
    return jobsOf(moveReported(reports, active(), CompensationState.DONE, null));
  }

  /**
   * Moves reported compensations that were in flight to FAILED; returns their failures (attempt,
   * error and worker the compensation's).
   */
  default List<TaskStore.Failure> failIfActive(TaskStore.Reports reports) {
    return moveReported(reports, active(), CompensationState.FAILED, null);
  }

  /**
   * Moves reported compensations that were in flight to RETRY_WAIT as the next attempt, due at the
   * report's {@code notBefore}.
   */
  default int retryIfActive(TaskStore.Reports reports) {
    return moveReported(reports, active(), CompensationState.RETRY_WAIT, null).size();
  }

  /** Puts reported compensations a worker did not run back to PENDING. */
  default int deferIfPublished(TaskStore.Reports reports) {
    return moveReported(reports, active(), CompensationState.PENDING, null).size();
  }

  /**
   * Moves the reported compensations that are in one of the states {@code from} to {@code to},
   * writing what that move writes (the statement lists it); returns each moved as the dead-letter
   * topic would get it (attempt, error and worker the compensation's). {@code lease}, a PostgreSQL
   * interval, is the lease of a move to RUNNING (null for the others).
   */
  @SqlQuery
  @RegisterConstructorMapper(TaskStore.Failure.class)
  List<TaskStore.Failure> moveReported(
      @BindMethods TaskStore.Reports reports,
      @Bind("from") String[] from,
      @Bind("to") CompensationState to,
      @Bind("lease") @Nullable String lease);

  /** The states of a compensation in flight: PENDING, QUEUED or RUNNING. */
  private static String[] active() {
    return names(CompensationState.PENDING, CompensationState.QUEUED, CompensationState.RUNNING);
  }

  private static String[] names(CompensationState... states) {
    return Arrays.stream(states).map(CompensationState::name).toArray(String[]::new);
  }

  private static List<UUID> jobsOf(List<TaskStore.Failure> moved) {
    return moved.stream().map(TaskStore.Failure::jobId).toList();
  }

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
