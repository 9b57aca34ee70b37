package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dead letters as the dashboard lists them: the tasks that failed for good (what the
 * dead-letter topic got), of a tenant or all, by job and error code, read through {@code
 * task_failed} (job_id, number) WHERE has_failed.
 */
@UseClasspathSqlLocator
public interface DeadLetterStore {

  /** A task that failed for good, with its job's name. */
  record DeadLetter(
      UUID jobId,
      String jobName,
      int number,
      String documentRef,
      int attempt,
      String worker,
      String errorCode,
      String errorMessage,
      Instant finishedAt) {}

  /**
   * A page of dead letters in (job, number) order after ({@code afterJob}, {@code afterNumber});
   * null filters count as absent.
   */
  @SqlQuery
  @RegisterConstructorMapper(DeadLetter.class)
  List<DeadLetter> findPage(
      @Bind("tenantId") String tenantId,
      @Bind("jobId") UUID jobId,
      @Bind("errorCode") String errorCode,
      @Bind("afterJob") UUID afterJob,
      @Bind("afterNumber") int afterNumber,
      @Bind("limit") int limit);

  /** The dead letters of one job that a filter matches. */
  record JobLetters(UUID jobId, long letters) {}

  /**
   * The jobs with dead letters the filter matches and how many each has, in job order, at most
   * {@code limit} jobs; null filters count as absent.
   */
  @SqlQuery
  @RegisterConstructorMapper(JobLetters.class)
  List<JobLetters> countByJob(
      @Bind("tenantId") String tenantId,
      @Bind("jobId") UUID jobId,
      @Bind("errorCode") String errorCode,
      @Bind("limit") int limit);
}
