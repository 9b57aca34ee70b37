WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:startedAts AS timestamptz[]),
                CAST(:finishedAts AS timestamptz[]), CAST(:errorCodes AS text[]),
                CAST(:errorMessages AS text[]))
             AS r(job_id, number, attempt, worker, started_at, finished_at, error_code, error_message)
), previous AS (
    SELECT t.job_id, t.number, t.state
    FROM task t
    JOIN reported r ON r.job_id = t.job_id AND r.number = t.number AND r.attempt = t.attempt
    WHERE t.state IN ('PENDING', 'QUEUED', 'RUNNING')
    FOR UPDATE OF t
)
UPDATE task t
SET state = 'FAILED',
    worker = r.worker,
    started_at = coalesce(t.started_at, r.started_at),
    finished_at = r.finished_at,
    error_code = r.error_code,
    error_message = r.error_message
FROM previous p
JOIN reported r ON r.job_id = p.job_id AND r.number = p.number
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, p.state AS previous_state
