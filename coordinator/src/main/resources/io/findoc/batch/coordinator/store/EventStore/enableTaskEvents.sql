UPDATE job
SET task_events = true
WHERE id = :id
