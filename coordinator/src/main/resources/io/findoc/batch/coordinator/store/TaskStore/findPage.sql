SELECT *
FROM task
WHERE job_id = :jobId
  AND (CAST(:state AS text) IS NULL OR state = :state)
  AND number > :after
ORDER BY number
LIMIT :limit
