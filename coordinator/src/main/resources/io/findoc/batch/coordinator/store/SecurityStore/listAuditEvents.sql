SELECT id, at, tenant_id, actor, role, action, target, status
FROM audit_event
WHERE (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
  AND id < :before
ORDER BY id DESC
LIMIT :limit
