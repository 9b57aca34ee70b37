SELECT seq, id, job_id, tenant_id, type, occurred_at, CAST(data AS text) AS data
FROM job_event
WHERE job_id = :jobId
ORDER BY seq DESC
LIMIT :limit
