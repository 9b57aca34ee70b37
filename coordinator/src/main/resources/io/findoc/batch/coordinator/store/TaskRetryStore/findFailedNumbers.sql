SELECT number
FROM task
WHERE job_id = :jobId
  AND has_failed
