SELECT number
FROM task
WHERE job_id = :jobId
  AND state = 'FAILED'
