-- Job events (the transactional outbox) and webhooks: endpoints and their deliveries.

-- task_events: whether the job's tasks write batch.task.* events (decided at submission).
-- progress_*: when the last batch.job.progress was written, and at which step of M percent.
ALTER TABLE job
    ADD COLUMN task_events            boolean     NOT NULL DEFAULT false,
    ADD COLUMN progress_reported_at   timestamptz,
    ADD COLUMN progress_reported_step int         NOT NULL DEFAULT 0;

-- One row per event, written in the transaction of the change it reports. The OutboxRelay
-- publishes rows in seq order and marks them relayed; a job's rows are written under its row
-- lock, so their seq order is the order of the job's life.
CREATE TABLE job_event (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    job_id      uuid        NOT NULL,
    tenant_id   text        NOT NULL,
    type        text        NOT NULL CHECK (type IN ('batch.job.created', 'batch.job.started',
                                'batch.job.progress', 'batch.job.completed', 'batch.job.failed',
                                'batch.task.started', 'batch.task.completed', 'batch.task.failed')),
    occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    data        jsonb       NOT NULL,
    relayed_at  timestamptz
);

CREATE INDEX job_event_to_relay ON job_event (seq) WHERE relayed_at IS NULL;
CREATE INDEX job_event_relayed ON job_event (relayed_at) WHERE relayed_at IS NOT NULL;

-- A tenant's endpoint (job_id null: every job; else that job's events only). The secret signs;
-- after a rotation the previous one signs too until previous_secret_until.
CREATE TABLE webhook_endpoint (
    id                    uuid        PRIMARY KEY,
    tenant_id             text        NOT NULL,
    url                   text        NOT NULL,
    event_types           text[]      NOT NULL CHECK (cardinality(event_types) >= 1),
    job_id                uuid,
    enabled               boolean     NOT NULL DEFAULT true,
    disabled_reason       text,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT previous_secret_has_end
        CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL))
);

CREATE INDEX webhook_endpoint_of_tenant ON webhook_endpoint (tenant_id, created_at);

-- One event to one endpoint. PENDING rows are due at due_at; a deliverer claims one by setting
-- claimed_at and pushing due_at past the attempt's timeout (a deliverer that dies leaves it due
-- again, to be sent once more with the same webhook-id). retry_from starts the retry horizon
-- (creation, or a redelivery by hand).
CREATE TABLE webhook_delivery (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        uuid        NOT NULL REFERENCES job_event (id) ON DELETE CASCADE,
    event_seq       bigint      NOT NULL,
    state           text        NOT NULL DEFAULT 'PENDING'
                                CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempt         int         NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    due_at          timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    retry_from      timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    response_status int,
    latency_ms      int,
    last_error      text,
    delivered_at    timestamptz,
    UNIQUE (endpoint_id, event_id),
    CONSTRAINT delivered_when_succeeded CHECK ((state = 'SUCCEEDED') = (delivered_at IS NOT NULL))
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (due_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_of_endpoint ON webhook_delivery (endpoint_id, created_at DESC, id);
CREATE INDEX webhook_delivery_of_event ON webhook_delivery (event_id);
