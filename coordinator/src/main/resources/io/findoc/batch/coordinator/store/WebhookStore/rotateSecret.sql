UPDATE webhook_endpoint
SET previous_secret       = secret,
    previous_secret_until = now() + CAST(:overlap AS interval),
    secret                = :secret,
    updated_at            = now()
WHERE id = :id
  AND tenant_id = :tenantId
RETURNING id, tenant_id, url, event_types, job_id, enabled, disabled_reason, secret, previous_secret_until, created_at, updated_at
