SELECT id, tenant_id, url, event_types, job_id, enabled, disabled_reason, secret, previous_secret_until, created_at, updated_at
FROM webhook_endpoint
WHERE tenant_id = :tenantId
ORDER BY created_at, id
LIMIT :limit
