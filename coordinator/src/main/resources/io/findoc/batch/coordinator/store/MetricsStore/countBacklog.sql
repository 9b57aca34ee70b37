-- Per priority, the tasks of unfinished jobs not yet handed to Kafka (pending, or waiting for a
-- retry) and those handed over but not started.
SELECT priority,
       sum(total - queued - running - succeeded - failed - cancelled - skipped) AS not_dispatched,
       sum(queued) AS queued
FROM job
WHERE state NOT IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED', 'ROLLED_BACK')
  AND (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
GROUP BY priority
