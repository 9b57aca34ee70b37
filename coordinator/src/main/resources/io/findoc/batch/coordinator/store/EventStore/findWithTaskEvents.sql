SELECT id
FROM job
WHERE id = ANY (CAST(:ids AS uuid[]))
  AND task_events
