SELECT id
FROM job
WHERE tenant_id = :tenantId
  AND id = ANY(CAST(:ids AS uuid[]))
