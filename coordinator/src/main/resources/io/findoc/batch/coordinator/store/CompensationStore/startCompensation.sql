WITH started AS (
    UPDATE task
    SET compensation = 'PENDING',
        compensation_attempt = 1,
        compensation_not_before = NULL,
        compensation_error_code = NULL,
        compensation_error_message = NULL
    WHERE job_id = :jobId
      AND state = 'SUCCEEDED'
      AND compensation IS NULL
    RETURNING 1
)
UPDATE job
SET compensations = (SELECT count(*) FROM started)
WHERE id = :jobId
