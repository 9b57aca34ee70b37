UPDATE task
SET state = 'CANCELLED',
    finished_at = now(),
    not_before = NULL
WHERE job_id = :jobId
  AND state IN ('PENDING', 'QUEUED', 'RUNNING', 'RETRY_WAIT')
