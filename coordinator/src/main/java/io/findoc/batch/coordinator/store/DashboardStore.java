package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dashboard's reads of jobs by filter: a tenant (null: all, for the platform admin), a state, a
 * priority, a part of the name, a creation time range; each part null when not asked for.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(JobRow.class)
public interface DashboardStore {

  /** What the jobs are filtered by; every part may be null. */
  record JobSelection(
      String tenantId,
      String state,
      String priority,
      String name,
      Instant createdFrom,
      Instant createdTo,
      String metadata) {}

  /**
   * A page of matching jobs, newest first, after the job at {@code afterCreatedAt} (null: first).
   */
  @SqlQuery
  List<JobRow> listJobs(
      @BindMethods JobSelection selection,
      @Bind("afterCreatedAt") Instant afterCreatedAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  /** How many jobs match: the preview of a bulk action (not read for a page). */
  @SqlQuery
  long countJobs(@BindMethods JobSelection selection);

  /** The matching jobs' ids, oldest first, at most {@code limit}. */
  @SqlQuery
  List<UUID> findJobIds(@BindMethods JobSelection selection, @Bind("limit") int limit);
}
