-- Scheduling: the order of a job's tasks, why a job ended as it did, dependencies between jobs and
-- between the tasks of a job, and the history of every job.

ALTER TABLE job
    ADD COLUMN task_order   text NOT NULL DEFAULT 'FIFO' CHECK (task_order IN ('FIFO', 'LIFO')),
    -- Why the job is in its state, when that is not obvious: who cancelled it, which dependency
    -- failed.
    ADD COLUMN state_reason text,
    -- Whether any task of the job waits for others: only then do results unblock or skip tasks.
    ADD COLUMN has_task_dependencies boolean NOT NULL DEFAULT false,
    -- The instruction standing for the job on the control topic, until the ControlJanitor lifts it
    -- after the job finished.
    ADD COLUMN control_signal text CHECK (control_signal IN ('PAUSE', 'CANCEL'));

CREATE INDEX job_control_to_lift ON job (finished_at) WHERE control_signal IS NOT NULL;

-- Submission checks a tenant's unfinished tasks against its limit.
CREATE INDEX job_unfinished_by_tenant ON job (tenant_id)
    WHERE state NOT IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED', 'ROLLED_BACK');

-- A WAITING job waits until every job it depends on has COMPLETED.
CREATE TABLE job_dependency (
    job_id      uuid NOT NULL,
    depends_on  uuid NOT NULL,
    PRIMARY KEY (job_id, depends_on)
);
CREATE INDEX job_dependency_by_prerequisite ON job_dependency (depends_on);
CREATE INDEX job_waiting ON job (created_at) WHERE state = 'WAITING';

-- A task runs only after the tasks it depends on succeeded; blocked_by counts those that have not.
ALTER TABLE task ADD COLUMN blocked_by int NOT NULL DEFAULT 0 CHECK (blocked_by >= 0);
CREATE TABLE task_dependency (
    job_id      uuid NOT NULL,
    depends_on  int  NOT NULL,
    number      int  NOT NULL,
    PRIMARY KEY (job_id, depends_on, number)
);

-- Blocked tasks are not dispatchable; the dispatcher reads this index forwards (FIFO) or
-- backwards (LIFO).
DROP INDEX task_dispatchable;
CREATE INDEX task_dispatchable ON task (job_id, number)
    WHERE state IN ('PENDING', 'RETRY_WAIT') AND blocked_by = 0;

-- Every change of a job's state, and every operator action on it, in order.
CREATE TABLE job_history (
    job_id      uuid        NOT NULL,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    from_state  text,
    to_state    text        NOT NULL,
    actor       text        NOT NULL,
    detail      text,
    PRIMARY KEY (job_id, seq)
);
