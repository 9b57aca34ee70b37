-- Cancels every task of a job that is not done, and says how many left each state. Rows another
-- transaction holds are waited for and re-read, so a task that finished meanwhile keeps its result.
WITH cancelled AS (
    UPDATE task t
    SET state = 'CANCELLED',
        finished_at = now(),
        not_before = NULL
    FROM (
        SELECT number, state
        FROM task
        WHERE job_id = :jobId
          AND state IN ('PENDING', 'QUEUED', 'RUNNING', 'RETRY_WAIT')
        FOR UPDATE
    ) p
    WHERE t.job_id = :jobId
      AND t.number = p.number
    RETURNING p.state AS previous_state
)
SELECT previous_state AS state, count(*) AS tasks
FROM cancelled
GROUP BY previous_state
