SELECT *
FROM job
WHERE deadline IS NOT NULL
  AND finished_at IS NULL
  AND (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
ORDER BY deadline
LIMIT :limit
