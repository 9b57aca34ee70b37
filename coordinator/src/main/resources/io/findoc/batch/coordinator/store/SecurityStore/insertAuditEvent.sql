INSERT INTO audit_event (tenant_id, actor, role, action, target, status)
VALUES (:tenantId, :actor, :role, :action, :target, :status)
