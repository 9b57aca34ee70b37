-- One prerequisite fewer for each task that depends on a task that just succeeded.
UPDATE task t
SET blocked_by = t.blocked_by - u.succeeded
FROM (
    SELECT d.job_id, d.number, count(*) AS succeeded
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[])) AS s(job_id, number)
    JOIN task_dependency d ON d.job_id = s.job_id AND d.depends_on = s.number
    GROUP BY d.job_id, d.number
) u
WHERE t.job_id = u.job_id
  AND t.number = u.number
