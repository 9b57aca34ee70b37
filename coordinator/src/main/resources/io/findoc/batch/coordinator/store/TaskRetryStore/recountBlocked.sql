UPDATE task t
SET blocked_by = (
    SELECT count(*)
    FROM task_dependency d
    JOIN task p ON p.job_id = d.job_id AND p.number = d.depends_on
    WHERE d.job_id = t.job_id
      AND d.number = t.number
      AND p.state <> 'SUCCEEDED')
WHERE t.job_id = :jobId
  AND t.number = ANY(CAST(:numbers AS int[]))
