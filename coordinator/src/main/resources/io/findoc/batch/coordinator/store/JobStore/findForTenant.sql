SELECT *
FROM job
WHERE id = :id
  AND tenant_id = :tenantId
