-- Due deliveries of enabled endpoints, oldest first, at most :perEndpoint in flight per endpoint
-- (those claimed and not yet recorded count), so one slow endpoint never takes every slot.
WITH in_flight AS (
    SELECT endpoint_id, count(*) AS n
    FROM webhook_delivery
    WHERE state = 'PENDING'
      AND claimed_at IS NOT NULL
      AND due_at > now()
    GROUP BY endpoint_id
), due AS (
    SELECT d.id, d.endpoint_id,
           row_number() OVER (PARTITION BY d.endpoint_id ORDER BY d.due_at, d.event_seq) AS rank
    FROM webhook_delivery d
    WHERE d.state = 'PENDING'
      AND d.due_at <= now()
), picked AS (
    SELECT d.id
    FROM due
    JOIN webhook_delivery d ON d.id = due.id
    JOIN webhook_endpoint w ON w.id = due.endpoint_id AND w.enabled
    LEFT JOIN in_flight f ON f.endpoint_id = due.endpoint_id
    WHERE due.rank + coalesce(f.n, 0) <= :perEndpoint
    ORDER BY due.rank, d.due_at
    LIMIT :limit
    FOR UPDATE OF d SKIP LOCKED
), claimed AS (
    UPDATE webhook_delivery d
    SET attempt    = d.attempt + 1,
        claimed_at = now(),
        due_at     = now() + CAST(:lease AS interval)
    FROM picked
    WHERE d.id = picked.id
      AND d.state = 'PENDING'
      AND d.due_at <= now()
    RETURNING d.id, d.attempt, d.retry_from, d.endpoint_id, d.event_id
)
SELECT c.id, c.attempt, c.retry_from, c.endpoint_id, w.url, w.secret,
       CASE WHEN w.previous_secret_until > now() THEN w.previous_secret END AS previous_secret,
       c.event_id, e.type AS event_type, e.occurred_at, CAST(e.data AS text) AS data
FROM claimed c
JOIN webhook_endpoint w ON w.id = c.endpoint_id
JOIN job_event e ON e.id = c.event_id
