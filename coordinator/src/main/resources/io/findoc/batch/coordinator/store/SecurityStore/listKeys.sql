SELECT id, tenant_id, prefix, secret_hash, role, name, created_at, revoked_at
FROM api_key
WHERE tenant_id = :tenantId
ORDER BY created_at, id
