SELECT count(*)
FROM job
WHERE state IN ('QUEUED', 'RUNNING')
