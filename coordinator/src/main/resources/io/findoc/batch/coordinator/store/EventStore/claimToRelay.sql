SELECT seq, id, job_id, tenant_id, type, occurred_at, CAST(data AS text) AS data
FROM job_event
WHERE relayed_at IS NULL
ORDER BY seq
LIMIT :limit
FOR UPDATE SKIP LOCKED
