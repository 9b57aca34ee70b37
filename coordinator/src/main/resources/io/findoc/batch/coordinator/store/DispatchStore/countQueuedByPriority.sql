-- Tasks handed to Kafka and not started, per priority, over the jobs not finished.
SELECT priority, sum(queued) AS queued
FROM job
WHERE state NOT IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED', 'ROLLED_BACK')
GROUP BY priority
