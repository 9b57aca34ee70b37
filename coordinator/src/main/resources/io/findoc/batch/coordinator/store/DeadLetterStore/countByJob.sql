-- The jobs with tasks that failed for good, of the tenant (all for the platform), by job and error
-- code as the dead-letter list filters them, with how many each: what "redeliver all matching"
-- sends again.
SELECT t.job_id, count(*) AS letters
FROM task t
JOIN job j ON j.id = t.job_id
WHERE t.has_failed
  AND (CAST(:tenantId AS text) IS NULL OR j.tenant_id = :tenantId)
  AND (CAST(:jobId AS uuid) IS NULL OR t.job_id = :jobId)
  AND (CAST(:errorCode AS text) IS NULL OR t.error_code = :errorCode)
GROUP BY t.job_id
ORDER BY t.job_id
LIMIT :limit
