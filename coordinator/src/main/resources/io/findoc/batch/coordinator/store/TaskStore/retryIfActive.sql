WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:errorCodes AS text[]),
                CAST(:errorMessages AS text[]), CAST(:notBefores AS timestamptz[]))
             AS r(job_id, number, attempt, worker, error_code, error_message, not_before)
), previous AS (
    -- Locks the rows and carries the report along, so the UPDATE joins nothing else.
    SELECT t.job_id, t.number, t.state, r.worker, r.error_code, r.error_message, r.not_before
    FROM task t
    JOIN reported r ON r.job_id = t.job_id AND r.number = t.number AND r.attempt = t.attempt
    WHERE t.state IN ('PENDING', 'QUEUED', 'RUNNING')
    FOR UPDATE OF t
)
UPDATE task t
SET state = 'RETRY_WAIT',
    attempt = t.attempt + 1,
    worker = p.worker,
    not_before = p.not_before,
    error_code = p.error_code,
    error_message = p.error_message
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, p.state AS previous_state
