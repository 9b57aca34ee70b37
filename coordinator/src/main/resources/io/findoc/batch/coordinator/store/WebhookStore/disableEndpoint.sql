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
    last_error = coalesce(d.last_error, 'endpoint disabled: ' || :reason)
FROM disabled
WHERE d.endpoint_id = disabled.id
  AND d.state = 'PENDING'
