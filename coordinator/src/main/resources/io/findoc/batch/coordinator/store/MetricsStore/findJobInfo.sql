SELECT id, tenant_id, created_at
FROM job
WHERE id = ANY(CAST(:ids AS uuid[]))
