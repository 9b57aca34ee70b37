WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:startedAts AS timestamptz[]))
             AS r(job_id, number, attempt, worker, started_at)
), previous AS (
    -- Locks each reported attempt's row, one index lookup per report, and carries the report
    -- along. (A plain join here let the planner loop over all reports for every row: quadratic.)
    SELECT t.job_id, t.number, t.state, r.worker, r.started_at
    FROM reported r
    CROSS JOIN LATERAL (
        SELECT job_id, number, state
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND attempt = r.attempt
          AND state IN ('PENDING', 'QUEUED')
        FOR UPDATE
    ) t
)
UPDATE task t
SET state = 'RUNNING',
    worker = p.worker,
    started_at = p.started_at,
    lease_until = now() + CAST(:lease AS interval)
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, t.number, p.state AS previous_state, t.queued_at
