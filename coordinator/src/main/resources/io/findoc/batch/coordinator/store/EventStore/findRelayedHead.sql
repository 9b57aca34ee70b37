-- The position of the event relayed last (relay order), if any.
SELECT seq, id, job_id, tenant_id, type, occurred_at, CAST(data AS text) AS data, relayed_at
FROM job_event
WHERE relayed_at IS NOT NULL
ORDER BY relayed_at DESC, seq DESC
LIMIT 1
