-- A relayed event of the tenant by its seq: where a stream resumed with Last-Event-ID goes on.
SELECT seq, id, job_id, tenant_id, type, occurred_at, CAST(data AS text) AS data, relayed_at
FROM job_event
WHERE seq = :seq
  AND tenant_id = :tenant
  AND relayed_at IS NOT NULL
