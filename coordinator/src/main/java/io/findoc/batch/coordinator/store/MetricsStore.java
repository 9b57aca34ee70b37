package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The figures behind the metrics API: the per-minute roll-ups in {@code metrics_minute}, and counts
 * over the job table. A null {@code tenantId} means every tenant (for the platform admin).
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(JobRow.class)
public interface MetricsStore {

  /** The tenant and submission time of the jobs among {@code ids}. */
  @SqlQuery
  @RegisterConstructorMapper(JobInfo.class)
  List<JobInfo> findJobInfo(@Bind("ids") UUID[] ids);

  /** Adds figures, given as parallel arrays sorted by key, to what the table holds. */
  @SqlUpdate
  void addFigures(@BindMethods FigureRows rows);

  /** Figures as parallel arrays, one row of {@code metrics_minute} each. */
  record FigureRows(
      String[] minutes,
      String[] tenants,
      String[] metrics,
      String[] labels,
      int[] buckets,
      long[] values) {}

  /** The figures of each minute in [from, to). */
  @SqlQuery
  @RegisterConstructorMapper(FigureRow.class)
  List<FigureRow> sumFigures(
      @Bind("from") Instant from, @Bind("to") Instant to, @Bind("tenantId") String tenantId);

  /**
   * The figures in [from, to) summed per {@code step} (a PostgreSQL interval) from {@code from}.
   */
  @SqlQuery
  @RegisterConstructorMapper(FigureRow.class)
  List<FigureRow> sumFiguresBySteps(
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("step") String step,
      @Bind("tenantId") String tenantId);

  /** A figure of a minute (or of the step starting then), summed. */
  record FigureRow(Instant minute, String metric, String label, int bucket, long value) {}

  /** Deletes the figures of the minutes before {@code before}; returns how many rows. */
  @SqlUpdate
  int deleteBefore(@Bind("before") Instant before);

  @SqlQuery
  @RegisterConstructorMapper(StateCount.class)
  List<StateCount> countJobsByState(@Bind("tenantId") String tenantId);

  /** Jobs in a state. */
  record StateCount(String state, long jobs) {}

  @SqlQuery
  @RegisterConstructorMapper(Backlog.class)
  List<Backlog> countBacklog(@Bind("tenantId") String tenantId);

  /**
   * Tasks of unfinished jobs of a priority not yet handed to Kafka, and handed over but not
   * started.
   */
  record Backlog(String priority, long notDispatched, long queued) {}

  @SqlQuery
  @RegisterConstructorMapper(Deadlines.class)
  Deadlines countDeadlines(@Bind("tenantId") String tenantId);

  /** Jobs with a deadline by how they stand with it. */
  record Deadlines(long met, long missed, long overdue, long pending) {}

  /** Unfinished jobs with a deadline, the nearest deadline first. */
  @SqlQuery
  List<JobRow> findUnfinishedWithDeadline(
      @Bind("tenantId") String tenantId, @Bind("limit") int limit);
}
