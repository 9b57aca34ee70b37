-- Running attempts whose lease ran out (their worker stopped sending heartbeats): each goes back to
-- PENDING as a new attempt, or FAILED with LEASE_EXPIRED once it had its job's last attempt. The
-- old attempt's late report is fenced out by its attempt number. :now is the time to judge the
-- leases at (tests set it; null: the database's).
WITH expired AS (
    SELECT t.job_id, t.number, t.attempt >= j.max_attempts AS last_attempt
    FROM task t
    JOIN job j ON j.id = t.job_id
    -- A running attempt's lease (V13): what the index task_lease holds.
    WHERE t.running_lease_until < coalesce(CAST(:now AS timestamptz), now()) - CAST(:grace AS interval)
    ORDER BY t.running_lease_until
    LIMIT :limit
    FOR UPDATE OF t SKIP LOCKED
)
UPDATE task t
SET state = CASE WHEN e.last_attempt THEN 'FAILED' ELSE 'PENDING' END,
    attempt = CASE WHEN e.last_attempt THEN t.attempt ELSE t.attempt + 1 END,
    finished_at = CASE WHEN e.last_attempt THEN now() END,
    error_code = CASE WHEN e.last_attempt THEN 'LEASE_EXPIRED' END,
    error_message = CASE WHEN e.last_attempt
        THEN 'the worker ' || coalesce(t.worker, '?') || ' stopped reporting on attempt '
             || t.attempt || ', the last one allowed' END,
    queued_at = NULL,
    started_at = CASE WHEN e.last_attempt THEN t.started_at END,
    lease_until = NULL
FROM expired e
WHERE t.job_id = e.job_id
  AND t.number = e.number
RETURNING t.job_id, t.number, t.state
