-- Locks every task of a job that is not done, waiting for rows other transactions hold; returns how
-- many. (Counting and cancelling them then see exactly these rows.)
SELECT count(*)
FROM (
    SELECT 1
    FROM task
    WHERE job_id = :jobId
      AND state IN ('PENDING', 'QUEUED', 'RUNNING', 'RETRY_WAIT')
    FOR UPDATE
) locked
