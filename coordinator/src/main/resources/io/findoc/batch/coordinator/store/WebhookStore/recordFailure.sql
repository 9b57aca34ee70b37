UPDATE webhook_delivery
SET state           = CASE WHEN CAST(:dueAt AS timestamptz) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
    due_at          = coalesce(CAST(:dueAt AS timestamptz), due_at),
    claimed_at      = NULL,
    last_attempt_at = now(),
    response_status = :status,
    latency_ms      = :latencyMs,
    last_error      = :error
WHERE id = :id
  AND attempt = :attempt
  AND state = 'PENDING'
