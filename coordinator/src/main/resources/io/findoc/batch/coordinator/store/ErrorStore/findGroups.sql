-- The job's failed tasks grouped by error code and message pattern, the largest group first, with
-- a sample message and the first task numbers of each. Every message of a group has the group's
-- pattern, so the fingerprint of any of them is the group's.
WITH failed AS (
    SELECT number, error_code, error_message, error_pattern(error_message) AS pattern
    FROM task
    WHERE job_id = :jobId
      AND has_failed
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY error_code, pattern ORDER BY number) AS rank
    FROM failed
)
SELECT error_fingerprint(error_code, min(error_message)) AS fingerprint,
       error_code,
       pattern,
       min(error_message) AS sample_message,
       count(*) AS tasks,
       array_agg(number ORDER BY number) FILTER (WHERE rank <= :samples) AS sample_tasks
FROM ranked
GROUP BY error_code, pattern
ORDER BY tasks DESC, error_code
LIMIT :limit
