package io.findoc.batch.coordinator.testing;

import org.jdbi.v3.core.Jdbi;

/** Checks a job's counters against its task rows (INV-2). */
public final class Counters {

  private Counters() {}

  /** Whether every counter of the job equals the number of its task rows in that state. */
  public static boolean agreeWithTaskRows(Jdbi jdbi, String jobId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT j.succeeded = count(*) FILTER (WHERE t.state = 'SUCCEEDED')"
                        + " AND j.failed = count(*) FILTER (WHERE t.state = 'FAILED')"
                        + " AND j.cancelled = count(*) FILTER (WHERE t.state = 'CANCELLED')"
                        + " AND j.skipped = count(*) FILTER (WHERE t.state = 'SKIPPED')"
                        + " AND j.queued = count(*) FILTER (WHERE t.state = 'QUEUED')"
                        + " AND j.running = count(*) FILTER (WHERE t.state = 'RUNNING')"
                        + " AND j.retry_wait = count(*) FILTER (WHERE t.state = 'RETRY_WAIT')"
                        + " AND j.total = count(*)"
                        + " FROM job j JOIN task t ON t.job_id = j.id"
                        + " WHERE j.id = CAST(:id AS uuid) GROUP BY j.id")
                .bind("id", jobId)
                .mapTo(Boolean.class)
                .one());
  }
}
