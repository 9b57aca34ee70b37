UPDATE webhook_delivery
SET state           = 'SUCCEEDED',
    claimed_at      = NULL,
    last_attempt_at = now(),
    delivered_at    = now(),
    response_status = :status,
    latency_ms      = :latencyMs,
    last_error      = NULL
WHERE id = :id
  AND attempt = :attempt
  AND state = 'PENDING'
