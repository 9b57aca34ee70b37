-- Extends the lease of the running compensation attempts whose workers sent a heartbeat.
UPDATE task t
SET compensation_lease_until = now() + CAST(:lease AS interval)
FROM (
    SELECT c.job_id, c.number
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]))
             AS r(job_id, number, attempt)
    CROSS JOIN LATERAL (
        SELECT job_id, number
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND compensation_attempt = r.attempt
          AND compensation = 'RUNNING'
    ) c
) h
WHERE t.job_id = h.job_id
  AND t.number = h.number
  AND t.compensation = 'RUNNING'
