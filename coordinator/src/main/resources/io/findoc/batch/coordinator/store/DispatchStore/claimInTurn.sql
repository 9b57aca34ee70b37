-- Claims each planned job's next :widths[i] tasks in turn (V13): moves its cursor on by that many,
-- under the job's row lock, and claims the tasks of the numbers it passed that no one has touched
-- (PENDING first attempts, never queued, waiting for no other task). Numbers count from 1 up, or
-- for a LIFO job from its total down. A window that reaches past the end of the job is cut at the
-- total; near the end it may cover numbers passed before, whose tasks are no longer untouched.
WITH plan AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:widths AS int[])) AS p(job_id, width)
), moved AS (
    UPDATE job j
    SET dispatch_cursor = least(j.total, j.dispatch_cursor + p.width)
    FROM plan p
    WHERE j.id = p.job_id
      AND j.dispatch_cursor < j.total
    RETURNING j.id, j.total, j.dispatch_cursor AS passed, p.width, j.task_order = 'LIFO' AS lifo
), turn AS (
    SELECT id AS job_id,
           CASE WHEN lifo THEN total - passed + 1 ELSE passed - width + 1 END AS low,
           CASE WHEN lifo THEN total - passed + width ELSE passed END AS high
    FROM moved
)
UPDATE task t
SET state = 'QUEUED',
    queued_at = now()
FROM turn w
WHERE t.job_id = w.job_id
  AND t.number BETWEEN w.low AND w.high
  AND t.state = 'PENDING'
  AND t.attempt = 1
  AND t.queued_at IS NULL
  AND NOT t.has_prerequisites
  AND t.blocked_by = 0
RETURNING t.job_id, t.number, t.attempt, t.document, 'PENDING' AS previous_state
