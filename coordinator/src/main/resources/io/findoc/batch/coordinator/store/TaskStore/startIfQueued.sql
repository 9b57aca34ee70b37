UPDATE task t
SET state = 'RUNNING',
    worker = r.worker,
    started_at = r.started_at
FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
            CAST(:workers AS text[]), CAST(:startedAts AS timestamptz[]))
         AS r(job_id, number, attempt, worker, started_at)
WHERE t.job_id = r.job_id
  AND t.number = r.number
  AND t.attempt = r.attempt
  AND t.state = 'QUEUED'
RETURNING t.job_id
