UPDATE webhook_endpoint
SET url             = :url,
    event_types     = CAST(:eventTypes AS text[]),
    job_id          = :jobId,
    disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END,
    enabled         = :enabled,
    updated_at      = now()
WHERE id = :id
  AND tenant_id = :tenantId
RETURNING id, tenant_id, url, event_types, job_id, enabled, disabled_reason, secret, previous_secret_until, created_at, updated_at
