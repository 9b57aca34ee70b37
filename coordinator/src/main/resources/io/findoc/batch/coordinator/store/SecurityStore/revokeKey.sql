UPDATE api_key
SET revoked_at = coalesce(revoked_at, now())
WHERE id = :id
  AND tenant_id = :tenantId
