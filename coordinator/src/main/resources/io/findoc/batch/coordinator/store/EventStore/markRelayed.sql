-- Marks the events relayed and, in the same statement, creates their webhook deliveries: one per
-- enabled endpoint of the tenant that wants the type (and the job, if it names one). relayed_at is
-- the time of this statement, not of the transaction's start: rounds are one at a time (the relay
-- lock, held to the commit), so a later round's times are later than an earlier round's, which the
-- event streams read in that order (findRelayedAfter).
WITH relayed AS (
    UPDATE job_event
    SET relayed_at = clock_timestamp()
    WHERE seq = ANY (CAST(:seqs AS bigint[]))
      AND relayed_at IS NULL
    RETURNING seq, id, job_id, tenant_id, type
)
INSERT INTO webhook_delivery (endpoint_id, event_id, event_seq)
SELECT w.id, r.id, r.seq
FROM relayed r
JOIN webhook_endpoint w ON w.tenant_id = r.tenant_id
                       AND w.enabled
                       AND r.type = ANY (w.event_types)
                       AND (w.job_id IS NULL OR w.job_id = r.job_id)
ON CONFLICT (endpoint_id, event_id) DO NOTHING
