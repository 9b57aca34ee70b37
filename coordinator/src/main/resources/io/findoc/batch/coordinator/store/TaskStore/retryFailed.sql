-- Puts a job's FAILED tasks back to PENDING as new attempts: all of them, or those with one of the
-- error codes, or those numbered (each filter applies when given).
UPDATE task
SET state = 'PENDING',
    attempt = attempt + 1,
    queued_at = NULL,
    started_at = NULL,
    finished_at = NULL,
    not_before = NULL,
    error_code = NULL,
    error_message = NULL
WHERE job_id = :jobId
  AND has_failed
  AND (CAST(:errorCodes AS text[]) IS NULL OR error_code = ANY(CAST(:errorCodes AS text[])))
  AND (CAST(:numbers AS int[]) IS NULL OR number = ANY(CAST(:numbers AS int[])))
RETURNING number
