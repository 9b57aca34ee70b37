SELECT job_id
FROM idempotency_key
WHERE tenant_id = :tenantId
  AND key = :key
