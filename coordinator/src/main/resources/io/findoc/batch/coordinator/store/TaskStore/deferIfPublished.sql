-- Puts attempts a worker deferred (their job was paused) back to PENDING, to be dispatched again
-- when the job resumes. A deferred attempt did not run, so it keeps its number. It keeps its
-- queued_at too: a task queued before is dispatched out of turn (V13), the cursor has passed it.
WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]))
             AS r(job_id, number, attempt)
), previous AS (
    SELECT t.job_id, t.number, t.state
    FROM reported r
    CROSS JOIN LATERAL (
        SELECT job_id, number, state
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND attempt = r.attempt
          -- PENDING too: a redelivered copy of a deferred attempt (see TaskStore).
          AND state IN ('PENDING', 'QUEUED')
        FOR UPDATE
    ) t
)
UPDATE task t
SET state = 'PENDING'
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, t.number, p.state AS previous_state
