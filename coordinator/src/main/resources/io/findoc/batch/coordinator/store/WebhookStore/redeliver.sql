UPDATE webhook_delivery
SET state        = 'PENDING',
    due_at       = now(),
    claimed_at   = NULL,
    retry_from   = now(),
    delivered_at = NULL
WHERE endpoint_id = :endpointId
  AND id = :id
