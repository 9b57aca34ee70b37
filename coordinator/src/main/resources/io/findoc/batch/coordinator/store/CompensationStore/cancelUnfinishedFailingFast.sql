-- Cancels every task of the job that is not done, waiting for rows others hold; returns each with
-- the state it left, for the job counters.
WITH unfinished AS (
    SELECT job_id, number, state
    FROM task
    WHERE job_id = :jobId
      AND state IN ('PENDING', 'QUEUED', 'RUNNING', 'RETRY_WAIT')
    FOR UPDATE
)
UPDATE task t
SET state = 'CANCELLED',
    finished_at = now(),
    not_before = NULL,
    lease_until = NULL,
    error_code = :errorCode,
    error_message = :errorMessage
FROM unfinished u
WHERE t.job_id = u.job_id
  AND t.number = u.number
RETURNING t.job_id, t.number, u.state AS previous_state
