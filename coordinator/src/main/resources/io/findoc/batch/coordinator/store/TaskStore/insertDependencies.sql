-- Stores the dependencies of a new job's tasks, by document id, as task numbers.
INSERT INTO task_dependency (job_id, depends_on, number)
SELECT :jobId, t.number, e.number
FROM unnest(CAST(:numbers AS int[]), CAST(:refs AS text[])) AS e(number, ref)
JOIN task t ON t.job_id = :jobId AND t.document_ref = e.ref
ON CONFLICT DO NOTHING
