DELETE FROM webhook_endpoint
WHERE id = :id
  AND tenant_id = :tenantId
