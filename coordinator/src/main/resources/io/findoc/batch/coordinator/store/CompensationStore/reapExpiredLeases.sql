-- Running compensation attempts whose lease ran out (their worker stopped sending heartbeats): each
-- goes back to PENDING as a new compensation attempt, or FAILED with LEASE_EXPIRED once it had its
-- job's last attempt. The old attempt's late report is fenced out by its attempt number. :now is
-- the time to judge the leases at (tests set it; null: the database's).
WITH expired AS (
    SELECT t.job_id, t.number, t.compensation_attempt >= j.max_attempts AS last_attempt
    FROM task t
    JOIN job j ON j.id = t.job_id
    WHERE t.compensation = 'RUNNING'
      AND t.compensation_lease_until < coalesce(CAST(:now AS timestamptz), now()) - CAST(:grace AS interval)
    ORDER BY t.compensation_lease_until
    LIMIT :limit
    FOR UPDATE OF t SKIP LOCKED
)
UPDATE task t
SET compensation = CASE WHEN e.last_attempt THEN 'FAILED' ELSE 'PENDING' END,
    compensation_attempt = CASE WHEN e.last_attempt
        THEN t.compensation_attempt ELSE t.compensation_attempt + 1 END,
    compensation_error_code = CASE WHEN e.last_attempt
        THEN 'LEASE_EXPIRED' ELSE t.compensation_error_code END,
    compensation_error_message = CASE WHEN e.last_attempt
        THEN 'the worker ' || coalesce(t.compensation_worker, '?')
             || ' stopped reporting on compensation attempt ' || t.compensation_attempt
             || ', the last one allowed'
        ELSE t.compensation_error_message END,
    compensation_lease_until = NULL
FROM expired e
WHERE t.job_id = e.job_id
  AND t.number = e.number
RETURNING t.job_id, t.number, t.compensation AS state, t.document_ref,
          t.compensation_attempt AS attempt, t.compensation_error_code AS error_code,
          t.compensation_error_message AS error_message, t.compensation_worker AS worker,
          now() AS finished_at
