SELECT d.id, d.event_id, e.type AS event_type, e.job_id, d.state, d.attempt, d.response_status,
       d.latency_ms, d.last_error, d.created_at, d.last_attempt_at,
       CASE WHEN d.state = 'PENDING' THEN d.due_at END AS next_attempt_at, d.delivered_at
FROM webhook_delivery d
JOIN job_event e ON e.id = d.event_id
WHERE d.endpoint_id = :endpointId
  AND d.id = :id
