-- Relayed events past their retention, except those a delivery still waits to send (a receiver
-- down for long, a redelivery asked for by hand): the delivery needs the event's body.
DELETE FROM job_event
WHERE seq IN (
    SELECT e.seq
    FROM job_event e
    WHERE e.relayed_at < now() - CAST(:age AS interval)
      AND NOT EXISTS (
          SELECT 1
          FROM webhook_delivery d
          WHERE d.event_id = e.id
            AND d.state = 'PENDING')
    ORDER BY e.relayed_at
    LIMIT :limit)
