-- Disables the endpoint and ends its waiting deliveries FAILED, saying why.
WITH disabled AS (
    UPDATE webhook_endpoint
    SET enabled = false,
        disabled_reason = :reason,
        updated_at = now()
    WHERE id = :id
    RETURNING id
)
UPDATE webhook_delivery d
SET state = 'FAILED',
    claimed_at = NULL,
    last_error = 'endpoint disabled: ' || :reason || coalesce('; last error: ' || d.last_error, '')
FROM disabled
WHERE d.endpoint_id = disabled.id
  AND d.state = 'PENDING'
