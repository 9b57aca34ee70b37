-- The tasks that failed for good, of the tenant's jobs (all for the platform), by job and error
-- code, in (job, number) order after the keyset cursor.
SELECT t.job_id, j.name AS job_name, t.number, t.document_ref, t.attempt, t.worker, t.error_code,
       t.error_message, t.finished_at
FROM task t
JOIN job j ON j.id = t.job_id
WHERE t.has_failed
  AND (CAST(:tenantId AS text) IS NULL OR j.tenant_id = :tenantId)
  AND (CAST(:jobId AS uuid) IS NULL OR t.job_id = :jobId)
  AND (CAST(:errorCode AS text) IS NULL OR t.error_code = :errorCode)
  AND (CAST(:afterJob AS uuid) IS NULL OR (t.job_id, t.number) > (CAST(:afterJob AS uuid), :afterNumber))
ORDER BY t.job_id, t.number
LIMIT :limit
