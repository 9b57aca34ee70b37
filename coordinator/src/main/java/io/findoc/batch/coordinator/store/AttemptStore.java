package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The attempts of a task that newer ones superseded ({@code task_attempt}, written by a trigger
 * whenever a task moves to its next attempt); the task row holds the current one.
 */
@UseClasspathSqlLocator
public interface AttemptStore {

  /** The task's superseded attempts, oldest first. */
  @SqlQuery
  @RegisterConstructorMapper(SupersededAttempt.class)
  List<SupersededAttempt> findSuperseded(@Bind("jobId") UUID jobId, @Bind("number") int number);

  /** An attempt as {@code task_attempt} keeps it. */
  record SupersededAttempt(
      int attempt,
      String worker,
      Instant queuedAt,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      String errorCode,
      String errorMessage,
      String errorTrace) {}
}
