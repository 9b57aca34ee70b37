SELECT *
FROM job
WHERE tenant_id = :tenantId
  AND (CAST(:state AS text) IS NULL OR state = :state)
  AND (CAST(:afterCreatedAt AS timestamptz) IS NULL
       OR (created_at, id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid)))
ORDER BY created_at DESC, id DESC
LIMIT :limit
