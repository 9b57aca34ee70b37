WITH reported AS (
    SELECT *
    FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:attempts AS int[]),
                CAST(:workers AS text[]), CAST(:errorCodes AS text[]),
                CAST(:errorMessages AS text[]), CAST(:notBefores AS timestamptz[]))
             AS r(job_id, number, attempt, worker, error_code, error_message, not_before)
), previous AS (
    SELECT t.job_id, t.number, r.worker, r.error_code, r.error_message, r.not_before
    FROM reported r
    CROSS JOIN LATERAL (
        SELECT job_id, number
        FROM task
        WHERE job_id = r.job_id
          AND number = r.number
          AND compensation_attempt = r.attempt
          AND compensation IN ('PENDING', 'QUEUED')
        FOR UPDATE
    ) t
)
UPDATE task t
SET compensation = 'RUNNING',
    compensation_worker = p.worker,
    compensation_lease_until = now() + CAST(:lease AS interval)
FROM previous p
WHERE t.job_id = p.job_id
  AND t.number = p.number
RETURNING t.job_id
