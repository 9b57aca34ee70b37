SELECT at, from_state, to_state, actor, detail
FROM job_history
WHERE job_id = :id
ORDER BY seq
