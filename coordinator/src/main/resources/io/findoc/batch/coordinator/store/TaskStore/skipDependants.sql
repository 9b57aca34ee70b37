-- Skips every task that depends, directly or not, on a task that just failed for good: it can
-- never run. Each names the failed task it waited for.
WITH RECURSIVE doomed(job_id, number, cause) AS (
    SELECT job_id, number, number
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[])) AS s(job_id, number)
  UNION
    SELECT d.job_id, d.number, f.cause
    FROM doomed f
    JOIN task_dependency d ON d.job_id = f.job_id AND d.depends_on = f.number
), first_cause AS (
    SELECT DISTINCT ON (job_id, number) job_id, number, cause
    FROM doomed
    ORDER BY job_id, number, cause
)
UPDATE task t
SET state = 'SKIPPED',
    finished_at = now(),
    error_code = 'DEPENDENCY_FAILED',
    error_message = 'task ' || c.cause || ' ('
        || (SELECT document_ref FROM task WHERE job_id = c.job_id AND number = c.cause)
        || '), which it depends on, failed'
FROM first_cause c
WHERE t.job_id = c.job_id
  AND t.number = c.number
  AND t.state = 'PENDING'
RETURNING t.job_id, t.number, 'PENDING' AS previous_state
