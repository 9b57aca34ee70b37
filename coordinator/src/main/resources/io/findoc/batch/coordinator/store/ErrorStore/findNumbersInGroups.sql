-- The numbers of the job's failed tasks whose failure is in one of the groups (fingerprints).
SELECT number
FROM task
WHERE job_id = :jobId
  AND has_failed
  AND error_fingerprint(error_code, error_message) = ANY(CAST(:fingerprints AS text[]))
ORDER BY number
