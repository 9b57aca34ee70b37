package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.TaskState;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Tasks: applying workers' reports in batches (the dispatcher claims them through {@link
 * DispatchStore}). Every report statement is guarded on the state it expects and on the attempt, so
 * a duplicate or a late report of an older attempt changes nothing. (Tasks are inserted by {@link
 * TaskWriter}, with COPY.)
 *
 * <p>A report may find its task PENDING at the reported attempt: a worker deferred the attempt (its
 * job was paused), which keeps its number, and a redelivered copy of the message ran after the
 * resume. The attempt did run, so the report applies. (The dispatcher commits its claim before it
 * publishes, so a report never overtakes the claim.)
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(TaskRow.class)
@RegisterConstructorMapper(TaskTransition.class)
public interface TaskStore {

  /**
   * PENDING or QUEUED to RUNNING, for the reported attempts, with a lease of {@code lease} (a
   * PostgreSQL interval, such as {@code 30 seconds}) from now.
   */
  default List<TaskTransition> startIfPublished(Reports reports, String lease) {
    return moveReported(reports, published(), TaskState.RUNNING, lease);
  }

  /** Extends the lease of the reported attempts that are RUNNING to {@code lease} from now. */
  @SqlUpdate
  int extendLease(@BindMethods Reports reports, @Bind("lease") String lease);

  /**
   * Moves up to {@code limit} RUNNING tasks whose lease ran out {@code grace} (a PostgreSQL
   * interval: how far behind the status intake is) ago to PENDING as a new attempt, or to FAILED
   * ({@code LEASE_EXPIRED}) after their last attempt; returns the state each moved to. Leases are
   * judged at {@code now} (null: the database's time; tests pass one).
   */
  @SqlQuery
  @RegisterConstructorMapper(ExpiredLease.class)
  List<ExpiredLease> reapExpiredLeases(
      @Bind("limit") int limit, @Bind("grace") String grace, @Bind("now") @Nullable Instant now);

  /** A task whose lease ran out, and the state it moved to. */
  record ExpiredLease(UUID jobId, int number, TaskState state) {}

  /** PENDING, QUEUED or RUNNING to SUCCEEDED, storing the results. */
  default List<TaskTransition> succeedIfActive(Reports reports) {
    return moveReported(reports, active(), TaskState.SUCCEEDED, null);
  }

  /** PENDING, QUEUED or RUNNING to FAILED, storing the errors. */
  default List<TaskTransition> failIfActive(Reports reports) {
    return moveReported(reports, active(), TaskState.FAILED, null);
  }

  /**
   * PENDING, QUEUED or RUNNING to RETRY_WAIT as the next attempt, due at each report's {@code
   * notBefore}.
   */
  default List<TaskTransition> retryIfActive(Reports reports) {
    return moveReported(reports, active(), TaskState.RETRY_WAIT, null);
  }

  /**
   * QUEUED back to PENDING, for attempts a worker deferred; PENDING too: a redelivered copy of a
   * deferred attempt (see above), which then stays as it is.
   */
  default List<TaskTransition> deferIfPublished(Reports reports) {
    return moveReported(reports, published(), TaskState.PENDING, null);
  }

  /**
   * Moves the reported attempts whose task is in one of the states {@code from} to {@code to},
   * writing what that move writes (the statement lists it); returns each task moved. {@code lease},
   * a PostgreSQL interval, is the lease of a move to RUNNING (null for the others).
   */
  @SqlQuery
  List<TaskTransition> moveReported(
      @BindMethods Reports reports,
      @Bind("from") String[] from,
      @Bind("to") TaskState to,
      @Bind("lease") @Nullable String lease);

  /** The states of an attempt published to a worker that has not started it (see above). */
  private static String[] published() {
    return names(TaskState.PENDING, TaskState.QUEUED);
  }

  /** The states of an attempt in flight: published, or RUNNING. */
  private static String[] active() {
    return names(TaskState.PENDING, TaskState.QUEUED, TaskState.RUNNING);
  }

  private static String[] names(TaskState... states) {
    return Arrays.stream(states).map(TaskState::name).toArray(String[]::new);
  }

  /**
   * Locks every task of the job that is not done, waiting for rows other transactions hold (a
   * result committed meanwhile stands); returns how many it locked.
   */
  @SqlQuery
  int lockUnfinished(@Bind("jobId") UUID jobId);

  /** How many tasks of the job are in each state that is not done. */
  @SqlQuery
  @RegisterConstructorMapper(StateCount.class)
  List<StateCount> countUnfinished(@Bind("jobId") UUID jobId);

  /**
   * Puts the job's FAILED tasks back to PENDING as new attempts, those with one of {@code
   * errorCodes} and among {@code numbers} (null: any); returns their numbers.
   */
  @SqlQuery
  List<Integer> retryFailed(
      @Bind("jobId") UUID jobId,
      @Bind("errorCodes") String[] errorCodes,
      @Bind("numbers") int[] numbers);

  /** Cancels every task of the job that is not done; returns how many. */
  @SqlUpdate
  int cancelUnfinished(@Bind("jobId") UUID jobId);

  /**
   * Of the dependencies of a new job's tasks ({@code numbers[i]} depends on the document {@code
   * refs[i]}), those that name no document of the job, at most {@code limit}.
   */
  @SqlQuery
  @RegisterConstructorMapper(DocumentReference.class)
  List<DocumentReference> findUnknownDependencies(
      @Bind("jobId") UUID jobId,
      @Bind("numbers") int[] numbers,
      @Bind("refs") String[] refs,
      @Bind("limit") int limit);

  /** Stores the dependencies of a new job's tasks, given as above. */
  @SqlUpdate
  void insertDependencies(
      @Bind("jobId") UUID jobId, @Bind("numbers") int[] numbers, @Bind("refs") String[] refs);

  /** Every dependency between the job's tasks. */
  @SqlQuery
  @RegisterConstructorMapper(Dependency.class)
  List<Dependency> findDependencies(@Bind("jobId") UUID jobId);

  /** Makes each task of a new job wait for the tasks it depends on. */
  @SqlUpdate
  void blockDependants(@Bind("jobId") UUID jobId);

  /** Counts the given tasks, which just succeeded, off what their dependants wait for. */
  @SqlUpdate
  void unblockDependants(@Bind("jobIds") UUID[] jobIds, @Bind("numbers") int[] numbers);

  /**
   * Skips every PENDING task that depends, directly or not, on the given tasks, which just failed
   * for good.
   */
  @SqlQuery
  List<TaskTransition> skipDependants(
      @Bind("jobIds") UUID[] jobIds, @Bind("numbers") int[] numbers);

  /** The current attempt, and compensation attempt, of each of the given tasks that exists. */
  @SqlQuery
  @RegisterConstructorMapper(CurrentAttempt.class)
  List<CurrentAttempt> findCurrentAttempts(
      @Bind("jobIds") UUID[] jobIds, @Bind("numbers") int[] numbers);

  /** A task's current attempt and compensation attempt (0 before any compensation). */
  record CurrentAttempt(UUID jobId, int number, int attempt, int compensationAttempt) {}

  /** The failures of the given tasks, which just failed for good. */
  @SqlQuery
  @RegisterConstructorMapper(Failure.class)
  List<Failure> findFailures(@Bind("jobIds") UUID[] jobIds, @Bind("numbers") int[] numbers);

  /** A task that failed for good, as the dead-letter topic gets it. */
  record Failure(
      UUID jobId,
      int number,
      String documentRef,
      int attempt,
      String errorCode,
      String errorMessage,
      String worker,
      java.time.Instant finishedAt) {}

  /** Task {@code number} refers to the document {@code ref}. */
  record DocumentReference(int number, String ref) {}

  /** Task {@code number} runs only after task {@code dependsOn} succeeded. */
  record Dependency(int dependsOn, int number) {}

  /** How many tasks were in a state. */
  record StateCount(TaskState state, int tasks) {}

  /** A page of a job's tasks in number order, optionally of one state, after task {@code after}. */
  @SqlQuery
  List<TaskRow> findPage(
      @Bind("jobId") UUID jobId,
      @Bind("state") String state,
      @Bind("after") int after,
      @Bind("limit") int limit);

  /**
   * The dashboard's task table: a job's tasks in number order after {@code after} and up to {@code
   * upTo}, of a state, error code, worker and least attempt where given (null or 1: any). The range
   * of numbers bounds what one page reads through the primary key, however rare the filter's tasks:
   * the hot path's columns (state, worker, error) carry no index, so that its updates stay HOT
   * (V13).
   */
  @SqlQuery
  List<TaskRow> findFilteredPage(
      @Bind("jobId") UUID jobId,
      @Bind("state") String state,
      @Bind("errorCode") String errorCode,
      @Bind("worker") String worker,
      @Bind("leastAttempt") int leastAttempt,
      @Bind("after") int after,
      @Bind("upTo") int upTo,
      @Bind("limit") int limit);

  /** Document ids that a job's tasks repeat, by the first repeating task, at most {@code limit}. */
  @SqlQuery
  @RegisterConstructorMapper(DuplicateDocument.class)
  List<DuplicateDocument> findDuplicateDocuments(
      @Bind("jobId") UUID jobId, @Bind("limit") int limit);

  @SqlQuery
  Optional<TaskRow> find(@Bind("jobId") UUID jobId, @Bind("number") int number);

  /**
   * Workers' reports on several attempts, as parallel arrays for one UPDATE ... FROM unnest(...).
   * Times are ISO-8601 text; results JSON text; arrays a statement does not use may be empty.
   */
  record Reports(
      UUID[] jobIds,
      int[] numbers,
      int[] attempts,
      String[] workers,
      String[] startedAts,
      String[] finishedAts,
      String[] results,
      String[] errorCodes,
      String[] errorMessages,
      String[] notBefores,
      String[] errorTraces) {}
}
