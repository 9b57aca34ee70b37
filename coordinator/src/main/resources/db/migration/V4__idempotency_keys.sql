-- A client's Idempotency-Key on a submission, per tenant: the same key returns the first job.
CREATE TABLE idempotency_key (
    tenant_id   text        NOT NULL,
    key         text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    job_id      uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);
