INSERT INTO api_key (id, tenant_id, prefix, secret_hash, role, name)
VALUES (:id, :tenantId, :prefix, :secretHash, :role, :name)
