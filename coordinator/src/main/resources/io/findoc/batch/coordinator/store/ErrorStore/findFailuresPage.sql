-- A page of the job's failed tasks in number order, for the per-task failure report.
SELECT number, document_ref, attempt, worker, started_at, finished_at, error_code,
       error_fingerprint(error_code, error_message) AS fingerprint, error_message
FROM task
WHERE job_id = :jobId
  AND has_failed
  AND number > :after
ORDER BY number
LIMIT :limit
