WITH active AS (
    SELECT id
    FROM job
    WHERE state IN ('QUEUED', 'RUNNING')
    ORDER BY CASE priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, created_at
    LIMIT 1000
), claimed AS (
    SELECT c.job_id, c.number, c.state AS previous_state
    FROM active a
    CROSS JOIN LATERAL (
        SELECT t.job_id, t.number, t.state
        FROM task t
        WHERE t.job_id = a.id
          AND t.state IN ('PENDING', 'RETRY_WAIT')
          AND (t.not_before IS NULL OR t.not_before <= now())
        ORDER BY t.number
        LIMIT :perJobLimit
        FOR UPDATE SKIP LOCKED
    ) c
    LIMIT :limit
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
