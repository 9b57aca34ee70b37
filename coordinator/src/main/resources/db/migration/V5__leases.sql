-- A running attempt holds a lease, in database time, that its worker's heartbeats extend; the
-- LeaseReaper hands out again, as a new attempt, a task whose lease ran out.
ALTER TABLE task ADD COLUMN lease_until timestamptz;
CREATE INDEX task_lease ON task (lease_until) WHERE state = 'RUNNING';
