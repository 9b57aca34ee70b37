-- Moves the reported compensation attempts whose compensation is in one of the states :from to the
-- state :to, guarded on the compensation attempt, so a duplicate or a late report changes nothing;
-- returns each task moved as the dead-letter topic would get it (attempt, error and worker the
-- compensation's). Every move ends the lease but a start's. What else it writes depends on where
-- it goes (one statement for every report, as TaskStore/moveReported.sql):
--   RUNNING     the worker, and a lease of :lease (a PostgreSQL interval) from now;
--   DONE        the worker, where the report names one;
--   FAILED      the error, and the worker where the report names one;
--   RETRY_WAIT  the next attempt, due at the report's not_before, with the error;
--   PENDING     nothing else: the worker did not run it.
-- The database refuses a move CompensationState's table forbids (V15).
WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:errorCodes AS text[]),
                CAST(:errorMessages AS text[]), CAST(:notBefores AS timestamptz[]))
             AS r(job_id, number, attempt, worker, error_code, error_message, not_before)
), previous AS (
    SELECT t.job_id, t.number, CAST(:to AS text) AS target, r.worker, r.error_code,
           r.error_message, r.not_before
    FROM reported r
    CROSS JOIN LATERAL (
        SELECT job_id, number
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND compensation_attempt = r.attempt
          AND compensation = ANY (CAST(:from AS text[]))
        FOR UPDATE
    ) t
)
UPDATE task t
SET compensation = p.target,
    compensation_attempt = CASE WHEN p.target = 'RETRY_WAIT'
        THEN t.compensation_attempt + 1 ELSE t.compensation_attempt END,
    compensation_not_before = CASE WHEN p.target = 'RETRY_WAIT'
        THEN p.not_before ELSE t.compensation_not_before END,
    compensation_worker = CASE p.target
        WHEN 'RUNNING' THEN p.worker
        WHEN 'DONE' THEN coalesce(p.worker, t.compensation_worker)
        WHEN 'FAILED' THEN coalesce(p.worker, t.compensation_worker)
        ELSE t.compensation_worker END,
    compensation_error_code = CASE WHEN p.target IN ('FAILED', 'RETRY_WAIT')
        THEN p.error_code ELSE t.compensation_error_code END,
    compensation_error_message = CASE WHEN p.target IN ('FAILED', 'RETRY_WAIT')
        THEN p.error_message ELSE t.compensation_error_message END,
    compensation_lease_until = CASE WHEN p.target = 'RUNNING'
        THEN now() + CAST(:lease AS interval) END
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, t.number, t.document_ref, t.compensation_attempt AS attempt,
          t.compensation_error_code AS error_code, t.compensation_error_message AS error_message,
          t.compensation_worker AS worker, now() AS finished_at
