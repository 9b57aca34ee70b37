SELECT *
FROM task
WHERE job_id = :jobId
  AND number = :number
