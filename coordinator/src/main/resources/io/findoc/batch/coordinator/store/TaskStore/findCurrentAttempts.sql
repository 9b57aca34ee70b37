SELECT t.job_id, t.number, t.attempt, t.compensation_attempt
FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[])) AS f(job_id, number)
JOIN task t ON t.job_id = f.job_id AND t.number = f.number
