-- Claims compensations of rolling-back jobs, oldest job and task first, skipping rows another
-- coordinator holds. A retry is due once :now (tests set it; null: the database's time) reaches its
-- compensation_not_before.
WITH claimed AS (
    SELECT t.job_id, t.number, t.compensation AS previous
    FROM job j
    JOIN task t ON t.job_id = j.id
    WHERE j.state = 'ROLLING_BACK'
      AND t.compensation IN ('PENDING', 'RETRY_WAIT')
      AND (t.compensation_not_before IS NULL
           OR coalesce(CAST(:now AS timestamptz), now()) >= t.compensation_not_before)
    ORDER BY j.created_at, t.job_id, t.number
    LIMIT :limit
    FOR UPDATE OF t SKIP LOCKED
)
UPDATE task t
SET compensation = 'QUEUED',
    compensation_not_before = NULL
FROM claimed c
WHERE t.job_id = c.job_id
  AND t.number = c.number
RETURNING t.job_id, t.number, t.compensation_attempt AS attempt, t.document,
          'SUCCEEDED' AS previous_state
