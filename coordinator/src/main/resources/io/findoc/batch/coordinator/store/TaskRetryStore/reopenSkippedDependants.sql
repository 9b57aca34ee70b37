-- Every SKIPPED task reachable from the retried tasks through task_dependency goes back to
-- PENDING; those with another prerequisite that failed for good are skipped again afterwards.
WITH RECURSIVE reached(number) AS (
    SELECT n FROM unnest(CAST(:numbers AS int[])) AS n
  UNION
    SELECT d.number
    FROM reached r
    JOIN task_dependency d ON d.job_id = :jobId AND d.depends_on = r.number
    JOIN task s ON s.job_id = d.job_id AND s.number = d.number AND s.state = 'SKIPPED'
)
UPDATE task t
SET state = 'PENDING',
    finished_at = NULL,
    error_code = NULL,
    error_message = NULL
FROM reached r
WHERE t.job_id = :jobId
  AND t.number = r.number
  AND t.state = 'SKIPPED'
RETURNING t.number
