SELECT state, count(*) AS tasks
FROM task
WHERE job_id = :jobId
  AND state IN ('PENDING', 'QUEUED', 'RUNNING', 'RETRY_WAIT')
GROUP BY state
