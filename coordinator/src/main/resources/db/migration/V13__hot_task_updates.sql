-- The hot path writes each task twice after its COPY: the claim (QUEUED) and the result. Both are
-- now HOT updates (a new version on the same page, no new index entries) where PostgreSQL allows
-- it: an update that changes no column an index names, in its key or its predicate, on a page with
-- room. Before, `state` was in the predicates of the partial indexes on task, so every change of
-- state wrote an entry into every index, and the claim found its tasks through such an index.
--
-- Dispatch now takes a job's tasks in turn, by number, from a cursor on the job (oldest first, or
-- newest first for LIFO jobs): the claim of a task in turn is a range of the primary key, no index
-- it changes. Only the tasks dispatchable out of turn are indexed: new attempts (retries, expired
-- leases, failed tasks retried), attempts a worker handed back (deferred, so queued before), and
-- tasks that wait for others. The partial indexes name stored generated columns derived from
-- `state`, which the hot path's moves leave as they were.

-- Pages are filled to 60% on insert, so that a task's next versions fit on its page; the old
-- versions are pruned from the page as it is read again.
ALTER TABLE task SET (fillfactor = 60);

-- Set by the submission for the tasks that depend on others, never changed.
ALTER TABLE task ADD COLUMN has_prerequisites boolean NOT NULL DEFAULT false;
UPDATE task t
SET has_prerequisites = true
WHERE EXISTS (SELECT 1 FROM task_dependency d WHERE d.job_id = t.job_id AND d.number = t.number);

ALTER TABLE task
    ADD COLUMN dispatchable_out_of_turn boolean NOT NULL GENERATED ALWAYS AS (
        state IN ('PENDING', 'RETRY_WAIT') AND blocked_by = 0
        AND (attempt > 1 OR queued_at IS NOT NULL OR has_prerequisites)) STORED,
    ADD COLUMN running_lease_until timestamptz
        GENERATED ALWAYS AS (CASE WHEN state = 'RUNNING' THEN lease_until END) STORED,
    ADD COLUMN has_failed boolean NOT NULL GENERATED ALWAYS AS (state = 'FAILED') STORED;

-- How many of the job's tasks the dispatcher has passed in turn: numbers 1 to dispatch_cursor, or
-- for a LIFO job the dispatch_cursor highest numbers. Every task passed is claimed, or waits for
-- its prerequisites (and is then dispatched out of turn).
ALTER TABLE job ADD COLUMN dispatch_cursor int NOT NULL DEFAULT 0 CHECK (dispatch_cursor >= 0);
ALTER TABLE job ADD CONSTRAINT dispatch_cursor_within_total CHECK (dispatch_cursor <= total);

DROP INDEX task_dispatchable;
CREATE INDEX task_dispatchable_out_of_turn ON task (job_id, number) WHERE dispatchable_out_of_turn;

-- What the LeaseReaper looks for (V5).
DROP INDEX task_lease;
CREATE INDEX task_lease ON task (running_lease_until) WHERE running_lease_until IS NOT NULL;

-- A job's failed tasks (V6).
DROP INDEX task_failed;
CREATE INDEX task_failed ON task (job_id, number) WHERE has_failed;
