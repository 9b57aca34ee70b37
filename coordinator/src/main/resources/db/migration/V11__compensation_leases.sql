-- Compensations get leases like task attempts (V5): a RUNNING compensation holds a lease, in
-- database time, that its worker's heartbeats extend; the CompensationLeaseReaper hands out again,
-- as a new compensation attempt, one whose lease ran out, or fails it after the job's last attempt.
ALTER TABLE task ADD COLUMN compensation_lease_until timestamptz;
-- The worker that reported the compensation attempt, for its error message and dead letter.
ALTER TABLE task ADD COLUMN compensation_worker text;

-- Compensations running before this migration had no lease: give them one minute, which their
-- workers' heartbeats now extend; those whose worker is gone are handed out again after it.
UPDATE task
SET compensation_lease_until = now() + interval '1 minute'
WHERE compensation = 'RUNNING';

ALTER TABLE task ADD CONSTRAINT running_compensations_hold_a_lease CHECK (
    (compensation IS NOT DISTINCT FROM 'RUNNING') = (compensation_lease_until IS NOT NULL));

-- What the CompensationLeaseReaper looks for.
CREATE INDEX task_compensation_lease ON task (compensation_lease_until)
    WHERE compensation = 'RUNNING';
