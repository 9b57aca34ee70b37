WITH moved AS (
    UPDATE job j
    SET compensated = j.compensated + d.done,
        compensation_failed = j.compensation_failed + d.failed
    FROM unnest(CAST(:ids AS uuid[]), CAST(:done AS int[]), CAST(:failed AS int[]))
             AS d(id, done, failed)
    WHERE j.id = d.id
    RETURNING j.id, j.state, j.compensations, j.compensated, j.compensation_failed
)
SELECT id, compensations, compensation_failed
FROM moved
WHERE state = 'ROLLING_BACK'
  AND compensated + compensation_failed = compensations
