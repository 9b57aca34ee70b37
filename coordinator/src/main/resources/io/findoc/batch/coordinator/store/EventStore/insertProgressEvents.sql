-- Progress of unfinished jobs that reached a new step and have not reported for :interval; the
-- figures are the job's counters in this transaction, so they are exact when written.
WITH reached AS (
    SELECT j.id,
           CAST(floor(100.0 * (j.succeeded + j.failed + j.cancelled + j.skipped) / j.total
                      / :stepPercent) AS int) AS step
    FROM job j
    WHERE j.id = ANY (CAST(:ids AS uuid[]))
      AND j.finished_at IS NULL
), due AS (
    UPDATE job j
    SET progress_reported_at   = clock_timestamp(),
        progress_reported_step = r.step
    FROM reached r
    WHERE j.id = r.id
      AND r.step > j.progress_reported_step
      AND (j.progress_reported_at IS NULL
           OR j.progress_reported_at <= clock_timestamp() - CAST(:interval AS interval))
    RETURNING j.*
)
INSERT INTO job_event (job_id, tenant_id, type, data)
SELECT d.id, d.tenant_id, 'batch.job.progress',
       jsonb_build_object(
           'jobId', d.id,
           'name', d.name,
           'state', d.state,
           'counts', jsonb_build_object(
               'total', d.total,
               'pending', d.total - d.queued - d.running - d.retry_wait - d.succeeded - d.failed
                          - d.cancelled - d.skipped,
               'queued', d.queued,
               'running', d.running,
               'retryWait', d.retry_wait,
               'succeeded', d.succeeded,
               'failed', d.failed,
               'cancelled', d.cancelled,
               'skipped', d.skipped),
           'percentDone', floor(10000.0 * (d.succeeded + d.failed + d.cancelled + d.skipped)
                                / d.total) / 100)
FROM due d
