-- A dispatch round commits its claim (its tasks QUEUED) before it publishes them, so publishing
-- holds no row lock that workers' reports would wait for. Until the broker has acknowledged every
-- message, the round's row says which attempts it claimed; a row still here at its retry time
-- (its coordinator died, or the broker refused the messages) is published again by whichever
-- coordinator finds it.
CREATE TABLE dispatch_round (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The coordinator publishing it (host and process), for operators.
    claimed_by text        NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    retry_at   timestamptz NOT NULL,
    -- The claimed attempts: task (job_ids[i], numbers[i]) at attempt attempts[i].
    job_ids    uuid[]      NOT NULL,
    numbers    int[]       NOT NULL,
    attempts   int[]       NOT NULL,
    CONSTRAINT one_entry_per_attempt CHECK (
        cardinality(job_ids) = cardinality(numbers) AND cardinality(numbers) = cardinality(attempts))
);

CREATE INDEX dispatch_round_due ON dispatch_round (retry_at);
