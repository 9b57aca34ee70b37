WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:errorCodes AS text[]),
                CAST(:errorMessages AS text[]), CAST(:notBefores AS timestamptz[]))
             AS r(job_id, number, attempt, worker, error_code, error_message, not_before)
), previous AS (
    SELECT t.job_id, t.number, t.state
    FROM task t
    JOIN reported r ON r.job_id = t.job_id AND r.number = t.number AND r.attempt = t.attempt
    WHERE t.state IN ('PENDING', 'QUEUED', 'RUNNING')
    FOR UPDATE OF t
)
UPDATE task t
SET state = 'RETRY_WAIT',
    attempt = t.attempt + 1,
    worker = r.worker,
    not_before = r.not_before,
    error_code = r.error_code,
    error_message = r.error_message
FROM previous p
JOIN reported r ON r.job_id = p.job_id AND r.number = p.number
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, p.state AS previous_state
