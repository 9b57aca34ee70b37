UPDATE job j
SET queued     = j.queued + d.queued,
    running    = j.running + d.running,
    retry_wait = j.retry_wait + d.retry_wait,
    succeeded  = j.succeeded + d.succeeded,
    failed     = j.failed + d.failed,
    cancelled  = j.cancelled + d.cancelled,
    skipped    = j.skipped + d.skipped
FROM unnest(CAST(:ids AS uuid[]), CAST(:queued AS int[]), CAST(:running AS int[]),
            CAST(:retryWait AS int[]), CAST(:succeeded AS int[]), CAST(:failed AS int[]),
            CAST(:cancelled AS int[]), CAST(:skipped AS int[]))
         AS d(id, queued, running, retry_wait, succeeded, failed, cancelled, skipped)
WHERE j.id = d.id
RETURNING j.id, j.state, j.total, j.queued, j.running, j.retry_wait, j.succeeded, j.failed,
          j.cancelled, j.skipped, j.failure_threshold_count, j.failure_threshold_ratio,
          j.fail_fast, j.on_failure = 'rollback' AS rollback
