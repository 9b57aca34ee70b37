-- Extends the lease of the running attempts whose workers sent a heartbeat.
UPDATE task t
SET lease_until = now() + CAST(:lease AS interval)
FROM (
    SELECT c.job_id, c.number
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]))
             AS r(job_id, number, attempt)
    CROSS JOIN LATERAL (
        SELECT job_id, number
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND attempt = r.attempt
          AND state = 'RUNNING'
    ) c
) h
WHERE t.job_id = h.job_id
  AND t.number = h.number
  AND t.state = 'RUNNING'
