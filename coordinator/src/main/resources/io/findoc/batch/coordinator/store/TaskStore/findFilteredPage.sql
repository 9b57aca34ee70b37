SELECT *
FROM task
WHERE job_id = :jobId
  AND number > :after
  AND number <= :upTo
  AND (CAST(:state AS text) IS NULL OR state = :state)
  AND (CAST(:errorCode AS text) IS NULL OR error_code = :errorCode)
  AND (CAST(:worker AS text) IS NULL OR worker = :worker)
  AND attempt >= :leastAttempt
ORDER BY number
LIMIT :limit
