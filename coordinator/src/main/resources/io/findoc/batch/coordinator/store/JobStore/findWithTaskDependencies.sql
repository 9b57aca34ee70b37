SELECT id
FROM job
WHERE id = ANY(CAST(:ids AS uuid[]))
  AND has_task_dependencies
