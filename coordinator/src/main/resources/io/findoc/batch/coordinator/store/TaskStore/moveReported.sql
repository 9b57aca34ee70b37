-- Moves the reported attempts whose task is in one of the states :from to the state :to, guarded
-- on the attempt, so a duplicate or a late report of an older attempt changes nothing; returns each
-- task moved with the state it left. What the move writes besides the state depends on where it
-- goes (one statement for every report, as River's JobSetStateIfRunningMany):
--   RUNNING     the worker, its start, and a lease of :lease (a PostgreSQL interval) from now;
--   SUCCEEDED   the worker, start, finish and result, and no error;
--   FAILED      the worker, start, finish and error;
--   RETRY_WAIT  the next attempt, due at the report's not_before, with the worker, start and error
--               (kept for the attempt log, task_attempt, until the next attempt is dispatched);
--   PENDING     nothing else: a deferred attempt (its job was paused) did not run, so it keeps its
--               number, and its queued_at too: a task queued before is dispatched out of turn
--               (V13), the cursor has passed it.
WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:startedAts AS timestamptz[]),
                CAST(:finishedAts AS timestamptz[]), CAST(:results AS jsonb[]),
                CAST(:errorCodes AS text[]), CAST(:errorMessages AS text[]),
                CAST(:errorTraces AS text[]), CAST(:notBefores AS timestamptz[]))
             AS r(job_id, number, attempt, worker, started_at, finished_at, result, error_code,
                  error_message, error_trace, not_before)
), previous AS (
    -- Locks each reported attempt's row, one index lookup per report, and carries the report
    -- along. (A plain join here let the planner loop over all reports for every row: quadratic.)
    SELECT t.job_id, t.number, t.state, CAST(:to AS text) AS target, r.worker, r.started_at,
           r.finished_at, r.result, r.error_code, r.error_message, r.error_trace, r.not_before
    FROM reported r
    CROSS JOIN LATERAL (
        SELECT job_id, number, state
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND attempt = r.attempt
          AND state = ANY (CAST(:from AS text[]))
        FOR UPDATE
    ) t
)
UPDATE task t
SET state = p.target,
    attempt = CASE WHEN p.target = 'RETRY_WAIT' THEN t.attempt + 1 ELSE t.attempt END,
    not_before = CASE WHEN p.target = 'RETRY_WAIT' THEN p.not_before ELSE t.not_before END,
    worker = CASE WHEN p.target = 'PENDING' THEN t.worker ELSE p.worker END,
    started_at = CASE p.target
        WHEN 'RUNNING' THEN p.started_at
        WHEN 'PENDING' THEN t.started_at
        ELSE coalesce(t.started_at, p.started_at) END,
    lease_until = CASE WHEN p.target = 'RUNNING'
        THEN now() + CAST(:lease AS interval) ELSE t.lease_until END,
    finished_at = CASE WHEN p.target IN ('SUCCEEDED', 'FAILED')
        THEN p.finished_at ELSE t.finished_at END,
    result = CASE WHEN p.target = 'SUCCEEDED' THEN p.result ELSE t.result END,
    error_code = CASE p.target
        WHEN 'SUCCEEDED' THEN NULL
        WHEN 'FAILED' THEN p.error_code
        WHEN 'RETRY_WAIT' THEN p.error_code
        ELSE t.error_code END,
    error_message = CASE p.target
        WHEN 'SUCCEEDED' THEN NULL
        WHEN 'FAILED' THEN p.error_message
        WHEN 'RETRY_WAIT' THEN p.error_message
        ELSE t.error_message END,
    error_trace = CASE p.target
        WHEN 'SUCCEEDED' THEN NULL
        WHEN 'FAILED' THEN p.error_trace
        WHEN 'RETRY_WAIT' THEN p.error_trace
        ELSE t.error_trace END
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id, t.number, p.state AS previous_state, t.queued_at
