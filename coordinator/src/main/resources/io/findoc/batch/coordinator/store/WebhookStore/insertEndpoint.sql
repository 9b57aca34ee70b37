INSERT INTO webhook_endpoint (id, tenant_id, url, event_types, job_id, enabled, secret)
VALUES (:id, :tenantId, :url, CAST(:eventTypes AS text[]), :jobId, :enabled, :secret)
RETURNING id, tenant_id, url, event_types, job_id, enabled, disabled_reason, secret, previous_secret_until, created_at, updated_at
