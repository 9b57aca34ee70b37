WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:errorCodes AS text[]),
                CAST(:errorMessages AS text[]), CAST(:notBefores AS timestamptz[]),
                CAST(:errorTraces AS text[]), CAST(:startedAts AS timestamptz[]))
             AS r(job_id, number, attempt, worker, error_code, error_message, not_before, error_trace,
                  started_at)
), previous AS (
    -- Locks each reported attempt's row, one index lookup per report, and carries the report
    -- along. (A plain join here let the planner loop over all reports for every row: quadratic.)
    SELECT t.job_id, t.number, t.state, r.worker, r.error_code, r.error_message, r.not_before,
           r.error_trace, r.started_at
    FROM reported r
    CROSS JOIN LATERAL (
        SELECT job_id, number, state
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND attempt = r.attempt
          AND state IN ('PENDING', 'QUEUED', 'RUNNING')
        FOR UPDATE
    ) t
)
UPDATE task t
SET state = 'RETRY_WAIT',
    attempt = t.attempt + 1,
    worker = p.worker,
    not_before = p.not_before,
    error_code = p.error_code,
    error_message = p.error_message,
    error_trace = p.error_trace,
    -- Kept for the attempt log (task_attempt), until the next attempt is dispatched.
    started_at = coalesce(t.started_at, p.started_at)
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, t.number, p.state AS previous_state, t.queued_at
