-- A job event: the job's row as this transaction sees it. A finished job's reason is its
-- state_reason (who cancelled it, which dependency failed); otherwise the reason of the move.
INSERT INTO job_event (job_id, tenant_id, type, data)
SELECT j.id, j.tenant_id, :type,
       jsonb_build_object(
           'jobId', j.id,
           'name', j.name,
           'state', j.state,
           'previousState', CAST(:from AS text),
           'reason', CASE WHEN j.finished_at IS NOT NULL THEN j.state_reason
                          ELSE CAST(:reason AS text) END,
           'priority', j.priority,
           'processor', j.processor,
           'counts', jsonb_build_object(
               'total', j.total,
               'pending', j.total - j.queued - j.running - j.retry_wait - j.succeeded - j.failed
                          - j.cancelled - j.skipped,
               'queued', j.queued,
               'running', j.running,
               'retryWait', j.retry_wait,
               'succeeded', j.succeeded,
               'failed', j.failed,
               'cancelled', j.cancelled,
               'skipped', j.skipped),
           'percentDone', floor(10000.0 * (j.succeeded + j.failed + j.cancelled + j.skipped)
                                / j.total) / 100,
           'metadata', j.metadata,
           'createdAt', j.created_at,
           'startedAt', j.started_at,
           'finishedAt', j.finished_at)
FROM job j
WHERE j.id = :id
