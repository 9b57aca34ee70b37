WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:startedAts AS timestamptz[]))
             AS r(job_id, number, attempt, worker, started_at)
), previous AS (
    -- Locks the rows and carries the report along, so the UPDATE joins nothing else.
    SELECT t.job_id, t.number, t.state, r.worker, r.started_at
    FROM task t
    JOIN reported r ON r.job_id = t.job_id AND r.number = t.number AND r.attempt = t.attempt
    WHERE t.state IN ('PENDING', 'QUEUED')
    FOR UPDATE OF t
)
UPDATE task t
SET state = 'RUNNING',
    worker = p.worker,
    started_at = p.started_at
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, p.state AS previous_state
