INSERT INTO job_history (job_id, from_state, to_state, actor, detail)
VALUES (:id, :from, :to, :actor, :detail)
