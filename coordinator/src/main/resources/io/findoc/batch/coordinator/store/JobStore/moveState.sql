UPDATE job
SET state       = :to,
    started_at  = CASE WHEN :to = 'RUNNING' OR :finished THEN coalesce(started_at, now())
                       ELSE started_at END,
    finished_at = CASE WHEN :finished THEN now() END
WHERE id = :id
  AND state = :from
