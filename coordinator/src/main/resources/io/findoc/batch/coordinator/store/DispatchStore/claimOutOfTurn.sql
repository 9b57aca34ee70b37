-- Claims up to each planned job's limit of its tasks dispatchable out of turn (V13: new attempts,
-- attempts handed back, tasks that waited for others), in task number order <direction> (ASC:
-- oldest first, DESC: newest first), skipping rows another dispatcher holds. A retry is due once
-- :now (tests set it; null: the database's time) reaches its not_before.
WITH plan AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:limits AS int[])) AS p(job_id, claim_limit)
), claimed AS (
    SELECT c.job_id, c.number, c.state AS previous_state
    FROM plan p
    CROSS JOIN LATERAL (
        SELECT t.job_id, t.number, t.state
        FROM task t
        WHERE t.job_id = p.job_id
          AND t.dispatchable_out_of_turn
          AND (t.not_before IS NULL OR coalesce(CAST(:now AS timestamptz), now()) >= t.not_before)
        ORDER BY t.number <direction>
        LIMIT p.claim_limit
        FOR UPDATE SKIP LOCKED
    ) c
    -- No row more than the limits allow; said for the planner, which takes an unknown LIMIT for a
    -- tenth of a job's rows: with some hundred jobs in a round it then expected a million claimed
    -- rows and joined the UPDATE by reading the whole task table (seconds per round).
    LIMIT :total
)
UPDATE task t
SET state = 'QUEUED',
    queued_at = now(),
    started_at = NULL,
    not_before = NULL
FROM claimed c
WHERE t.job_id = c.job_id
  AND t.number = c.number
RETURNING t.job_id, t.number, t.attempt, t.document, c.previous_state
