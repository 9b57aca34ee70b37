SELECT t.job_id, t.number, t.document_ref, t.attempt, t.error_code, t.error_message, t.worker,
       t.finished_at
FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[])) AS f(job_id, number)
JOIN task t ON t.job_id = f.job_id AND t.number = f.number
WHERE t.state = 'FAILED'
