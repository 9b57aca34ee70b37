package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * A job's failed tasks for the error report: grouped by error code and message pattern (the
 * database functions {@code error_pattern} and {@code error_fingerprint}), or one by one.
 */
@UseClasspathSqlLocator
public interface ErrorStore {

  /** The groups of the job's failures, largest first, at most {@code limit}. */
  @SqlQuery
  @RegisterConstructorMapper(ErrorGroup.class)
  List<ErrorGroup> findGroups(
      @Bind("jobId") UUID jobId, @Bind("samples") int samples, @Bind("limit") int limit);

  /** Failures with the same code and message pattern. */
  record ErrorGroup(
      String fingerprint,
      String errorCode,
      String pattern,
      String sampleMessage,
      long tasks,
      int[] sampleTasks) {}

  /** A page of the job's failed tasks after task {@code after}, in number order. */
  @SqlQuery
  @RegisterConstructorMapper(TaskFailure.class)
  List<TaskFailure> findFailuresPage(
      @Bind("jobId") UUID jobId, @Bind("after") int after, @Bind("limit") int limit);

  /** One failed task. */
  record TaskFailure(
      int number,
      String documentRef,
      int attempt,
      String worker,
      Instant startedAt,
      Instant finishedAt,
      String errorCode,
      String fingerprint,
      String errorMessage) {}

  /** The numbers of the job's failed tasks in the given groups. */
  @SqlQuery
  List<Integer> findNumbersInGroups(
      @Bind("jobId") UUID jobId, @Bind("fingerprints") String[] fingerprints);
}
