-- Sets each task of a new job to wait for the tasks it depends on; such tasks are dispatched out of
-- turn (V13).
UPDATE task t
SET blocked_by = d.prerequisites,
    has_prerequisites = true
FROM (
    SELECT number, count(*) AS prerequisites
    FROM task_dependency
    WHERE job_id = :jobId
    GROUP BY number
) d
WHERE t.job_id = :jobId
  AND t.number = d.number
