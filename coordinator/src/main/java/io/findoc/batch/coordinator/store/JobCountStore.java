package io.findoc.batch.coordinator.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The job counters, moved by every claim, report batch, lease expiry and cancellation: a store of
 * one method, so that a dispatch round does not attach all of {@link JobStore} (see {@link
 * DispatchStore} for why that costs).
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(JobProgress.class)
public interface JobCountStore {

  /** Moves the counters of several jobs by deltas; returns their new state and counts. */
  @SqlQuery
  List<JobProgress> addCounts(@BindMethods CountDeltas deltas);
}
