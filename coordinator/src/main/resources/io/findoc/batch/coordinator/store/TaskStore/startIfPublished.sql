WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:startedAts AS timestamptz[]))
             AS r(job_id, number, attempt, worker, started_at)
), previous AS (
    SELECT t.job_id, t.number, t.state
    FROM task t
    JOIN reported r ON r.job_id = t.job_id AND r.number = t.number AND r.attempt = t.attempt
    WHERE t.state IN ('PENDING', 'QUEUED')
    FOR UPDATE OF t
)
UPDATE task t
SET state = 'RUNNING',
    worker = r.worker,
    started_at = r.started_at
FROM previous p
JOIN reported r ON r.job_id = p.job_id AND r.number = p.number
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, p.state AS previous_state
