-- Changes the endpoint; disabling it ends its waiting deliveries FAILED, saying why (they are not
-- sent while it is disabled, and would wait for ever).
WITH updated AS (
    UPDATE webhook_endpoint
    SET url             = :url,
        event_types     = CAST(:eventTypes AS text[]),
        job_id          = :jobId,
        disabled_reason = CASE WHEN :enabled THEN NULL
                               ELSE coalesce(disabled_reason, 'disabled by its owner') END,
        enabled         = :enabled,
        updated_at      = now()
    WHERE id = :id
      AND tenant_id = :tenantId
    RETURNING id, tenant_id, url, event_types, job_id, enabled, disabled_reason, secret,
              previous_secret_until, created_at, updated_at
), ended AS (
    UPDATE webhook_delivery d
    SET state = 'FAILED',
        claimed_at = NULL,
        last_error = 'endpoint disabled: ' || u.disabled_reason
                     || coalesce('; last error: ' || d.last_error, '')
    FROM updated u
    WHERE d.endpoint_id = u.id
      AND NOT u.enabled
      AND d.state = 'PENDING'
)
SELECT * FROM updated
