-- Moves WAITING jobs whose prerequisites have all COMPLETED to QUEUED, and records it.
WITH ready AS (
    SELECT j.id
    FROM job j
    WHERE j.state = 'WAITING'
      AND NOT EXISTS (
          SELECT 1
          FROM job_dependency d
          JOIN job p ON p.id = d.depends_on
          WHERE d.job_id = j.id
            AND p.state <> 'COMPLETED')
    FOR UPDATE OF j SKIP LOCKED
), released AS (
    UPDATE job
    SET state = 'QUEUED'
    FROM ready
    WHERE job.id = ready.id
    RETURNING job.id
)
INSERT INTO job_history (job_id, from_state, to_state, actor, detail)
SELECT id, 'WAITING', 'QUEUED', 'coordinator', 'every job it depends on has completed'
FROM released
RETURNING job_id
