-- The relayed events of the tenants after the position (relayed_at, seq), in relay order: a round
-- of the relay commits after every earlier round, and its rows' relayed_at are later, so an event
-- not yet visible here always comes after the position reached.
SELECT seq, id, job_id, tenant_id, type, occurred_at, CAST(data AS text) AS data, relayed_at
FROM job_event
WHERE relayed_at IS NOT NULL
  AND (relayed_at, seq) > (:afterAt, :afterSeq)
  AND tenant_id = ANY (CAST(:tenants AS text[]))
ORDER BY relayed_at, seq
LIMIT :limit
