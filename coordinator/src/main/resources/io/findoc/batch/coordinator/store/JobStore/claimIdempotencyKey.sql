-- Takes the key for the job being submitted. A concurrent submission with the same key waits here
-- until the first one commits (then this returns no row) or rolls back (then this one takes it).
INSERT INTO idempotency_key (tenant_id, key, job_id)
VALUES (:tenantId, :key, :jobId)
ON CONFLICT (tenant_id, key) DO NOTHING
RETURNING job_id
