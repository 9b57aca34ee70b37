SELECT attempt, worker, queued_at, started_at, finished_at, outcome, error_code, error_message,
       error_trace
FROM task_attempt
WHERE job_id = :jobId
  AND number = :number
ORDER BY attempt
