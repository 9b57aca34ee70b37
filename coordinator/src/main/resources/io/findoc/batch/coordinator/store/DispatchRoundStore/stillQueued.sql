-- The attempts round :id claimed that are still QUEUED: the ones a worker may not have received.
-- Tasks that moved on (started, finished, cancelled, or at a newer attempt) are left alone.
SELECT t.job_id, t.number, t.attempt, t.document, t.state AS previous_state
FROM dispatch_round d
CROSS JOIN LATERAL unnest(d.job_ids, d.numbers, d.attempts) AS r(job_id, number, attempt)
JOIN task t ON t.job_id = r.job_id AND t.number = r.number
WHERE d.id = :id
  AND t.attempt = r.attempt
  AND t.state = 'QUEUED'
