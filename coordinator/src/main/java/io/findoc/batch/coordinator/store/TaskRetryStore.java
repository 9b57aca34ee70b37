package io.findoc.batch.coordinator.store;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The operator's retry of failed tasks in a job whose tasks depend on one another (the failed tasks
 * themselves move with {@link TaskStore#retryFailed}).
 */
@UseClasspathSqlLocator
public interface TaskRetryStore {

  /**
   * Puts back to PENDING every SKIPPED task that depends, directly or not, on the given tasks;
   * returns their numbers.
   */
  @SqlQuery
  List<Integer> reopenSkippedDependants(@Bind("jobId") UUID jobId, @Bind("numbers") int[] numbers);

  /** Sets what each given task waits for: its prerequisites that have not succeeded. */
  @SqlUpdate
  void recountBlocked(@Bind("jobId") UUID jobId, @Bind("numbers") int[] numbers);

  /** The numbers of the job's FAILED tasks. */
  @SqlQuery
  List<Integer> findFailedNumbers(@Bind("jobId") UUID jobId);
}
