INSERT INTO job (id, tenant_id, name, priority, processor, options, metadata, max_attempts, state, total)
VALUES (:id, :tenantId, :name, :priority, :processor, :options::jsonb, :metadata::jsonb, :maxAttempts,
        :state, :total)
