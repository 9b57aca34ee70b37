-- Jobs and their tasks: the source of truth. Every state-changing UPDATE names the state it
-- expects; the constraints below repeat the invariants that code must never break.

CREATE TABLE job (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    name          text        NOT NULL,
    priority      text        NOT NULL CHECK (priority IN ('high', 'normal', 'low')),
    processor     text        NOT NULL,
    options       jsonb       NOT NULL DEFAULT '{}',
    metadata      jsonb       NOT NULL DEFAULT '{}',
    max_attempts  int         NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
    state         text        NOT NULL CHECK (state IN ('WAITING', 'QUEUED', 'RUNNING', 'PAUSED',
                                  'ROLLING_BACK', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED',
                                  'CANCELLED', 'ROLLED_BACK')),
    -- Tasks per state; PENDING is what the others leave of total.
    total         int         NOT NULL CHECK (total >= 1),
    queued        int         NOT NULL DEFAULT 0 CHECK (queued >= 0),
    running       int         NOT NULL DEFAULT 0 CHECK (running >= 0),
    retry_wait    int         NOT NULL DEFAULT 0 CHECK (retry_wait >= 0),
    succeeded     int         NOT NULL DEFAULT 0 CHECK (succeeded >= 0),
    failed        int         NOT NULL DEFAULT 0 CHECK (failed >= 0),
    cancelled     int         NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    skipped       int         NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    CONSTRAINT counts_within_total CHECK (
        queued + running + retry_wait + succeeded + failed + cancelled + skipped <= total),
    CONSTRAINT finished_jobs_have_all_tasks_terminal CHECK (
        state NOT IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'ROLLED_BACK')
        OR succeeded + failed + cancelled + skipped = total),
    CONSTRAINT finished_or_finished_at_null CHECK (
        (state IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED', 'ROLLED_BACK'))
        = (finished_at IS NOT NULL))
);

-- The API lists a tenant's jobs newest first.
CREATE INDEX job_by_tenant_newest ON job (tenant_id, created_at DESC, id DESC);
-- The dispatcher looks only at jobs whose tasks it may hand out.
CREATE INDEX job_dispatchable ON job (created_at) WHERE state IN ('QUEUED', 'RUNNING');

-- No foreign key to job: the submission writes a job and its tasks in one transaction, and the
-- per-row check of a foreign key took 8 of the 21 seconds that COPY of a million tasks needed.
CREATE TABLE task (
    job_id        uuid        NOT NULL,
    number        int         NOT NULL CHECK (number >= 1),
    -- The client's reference of the document, and the document (source or inline) as submitted.
    document_ref  text        NOT NULL,
    document      jsonb       NOT NULL,
    state         text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'QUEUED',
                                  'RUNNING', 'RETRY_WAIT', 'SUCCEEDED', 'FAILED', 'CANCELLED',
                                  'SKIPPED')),
    -- The current attempt; reports of any other attempt are ignored.
    attempt       int         NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    -- A task waiting for a retry is not dispatched before this time.
    not_before    timestamptz,
    queued_at     timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    worker        text,
    result        jsonb,
    error_code    text,
    error_message text,
    PRIMARY KEY (job_id, number),
    CONSTRAINT finished_or_finished_at_null CHECK (
        (state IN ('SUCCEEDED', 'FAILED', 'CANCELLED', 'SKIPPED')) = (finished_at IS NOT NULL)),
    CONSTRAINT failed_tasks_say_why CHECK (state <> 'FAILED' OR error_code IS NOT NULL),
    CONSTRAINT retries_have_a_time CHECK (state <> 'RETRY_WAIT' OR not_before IS NOT NULL)
);

-- What the dispatcher claims, per job in task order; shrinks as tasks are handed out.
CREATE INDEX task_dispatchable ON task (job_id, number) WHERE state IN ('PENDING', 'RETRY_WAIT');

-- The dispatcher's credit counts the tasks in flight of unfinished jobs.
CREATE INDEX job_unfinished ON job (id)
    WHERE state NOT IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED', 'ROLLED_BACK');
