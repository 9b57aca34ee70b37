-- Takes over the oldest round past its retry time, skipping one another coordinator is taking;
-- the taker has :publishTime to publish it before it is due again.
UPDATE dispatch_round r
SET claimed_by = :claimedBy,
    retry_at = now() + CAST(:publishTime AS interval)
WHERE r.id = (
    SELECT d.id
    FROM dispatch_round d
    WHERE d.retry_at <= now()
    ORDER BY d.retry_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED)
RETURNING r.id
