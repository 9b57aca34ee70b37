WITH moved AS (
    UPDATE job
    SET state        = :to,
        state_reason = coalesce(:reason, state_reason),
        started_at   = CASE WHEN :to = 'RUNNING' OR :finished THEN coalesce(started_at, now())
                            ELSE started_at END,
        finished_at  = CASE WHEN :finished THEN now() END
    WHERE id = :id
      AND state = :from
    RETURNING id
)
INSERT INTO job_history (job_id, from_state, to_state, actor, detail)
SELECT id, :from, :to, :actor, :reason
FROM moved
