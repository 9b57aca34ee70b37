-- Observability: the log of superseded attempts, the stack trace of a failure, job deadlines, and
-- the per-minute roll-ups behind the metrics API.

-- The trimmed stack trace of the failure of the task's current attempt (null when the failure had
-- none, such as a processor's own error code).
ALTER TABLE task ADD COLUMN error_trace text;

-- Every attempt of a task that was superseded by a newer one: a retryable failure, a lease that ran
-- out, an operator's retry. The task row holds the current attempt, so the attempts of a task are
-- these rows and the task's own. Written by the trigger below, so that only the rare statements
-- that move a task to its next attempt pay for it, whichever statement that is; the hot path (a
-- success) never sets the attempt and never fires it.
CREATE TABLE task_attempt (
    job_id        uuid        NOT NULL,
    number        int         NOT NULL,
    attempt       int         NOT NULL,
    worker        text,
    queued_at     timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('FAILED', 'LEASE_EXPIRED', 'SUPERSEDED')),
    error_code    text,
    error_message text,
    error_trace   text,
    PRIMARY KEY (job_id, number, attempt)
);

-- OLD is the row as the superseded attempt left it, NEW the row of the next attempt. A retryable
-- failure writes the failing attempt's worker, start and error into NEW (the row keeps them while
-- it waits), but not its end (a waiting task has none): the attempt ends when its report was
-- applied. A lease expiry leaves OLD's; an operator retry starts from a FAILED row.
CREATE FUNCTION task_attempt_superseded() RETURNS trigger AS $$
BEGIN
    INSERT INTO task_attempt (job_id, number, attempt, worker, queued_at, started_at, finished_at,
                              outcome, error_code, error_message, error_trace)
    VALUES (OLD.job_id, OLD.number, OLD.attempt,
            CASE WHEN NEW.state = 'RETRY_WAIT' THEN NEW.worker ELSE OLD.worker END,
            OLD.queued_at,
            CASE WHEN NEW.state = 'RETRY_WAIT' THEN NEW.started_at ELSE OLD.started_at END,
            coalesce(OLD.finished_at, now()),
            CASE WHEN NEW.state = 'RETRY_WAIT' OR OLD.state = 'FAILED' THEN 'FAILED'
                 WHEN OLD.state = 'RUNNING' THEN 'LEASE_EXPIRED'
                 ELSE 'SUPERSEDED' END,
            CASE WHEN NEW.state = 'RETRY_WAIT' THEN NEW.error_code
                 WHEN OLD.state = 'FAILED' THEN OLD.error_code
                 WHEN OLD.state = 'RUNNING' THEN 'LEASE_EXPIRED' END,
            CASE WHEN NEW.state = 'RETRY_WAIT' THEN NEW.error_message
                 WHEN OLD.state = 'FAILED' THEN OLD.error_message
                 WHEN OLD.state = 'RUNNING' THEN 'the worker stopped reporting; its lease ran out' END,
            CASE WHEN NEW.state = 'RETRY_WAIT' THEN NEW.error_trace
                 WHEN OLD.state = 'FAILED' THEN OLD.error_trace END)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER task_attempt_superseded
    AFTER UPDATE OF attempt ON task
    FOR EACH ROW
    WHEN (NEW.attempt > OLD.attempt)
    EXECUTE FUNCTION task_attempt_superseded();

-- A job may be due by a deadline; the SLA figures compare its finish with it.
ALTER TABLE job ADD COLUMN deadline timestamptz;
CREATE INDEX job_with_deadline ON job (tenant_id) WHERE deadline IS NOT NULL;

-- Groups failures whose messages differ only in numbers, ids and hashes: error_pattern replaces
-- UUIDs, hex strings (0x..., or 8 or more hex digits with a digit among them) and runs of digits;
-- the fingerprint is the error code and that pattern hashed to 12 hex characters.
CREATE FUNCTION error_pattern(message text) RETURNS text AS $$
    SELECT regexp_replace(
               regexp_replace(
                   regexp_replace(
                       coalesce(message, ''),
                       '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
                       '<uuid>', 'g'),
                   '\m(0x[0-9a-fA-F]+|(?=[0-9a-fA-F]{8,}\M)[0-9a-fA-F]*[0-9][0-9a-fA-F]*)\M',
                   '<hex>', 'g'),
               '[0-9]+', '#', 'g')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION error_fingerprint(code text, message text) RETURNS text AS $$
    SELECT left(md5(coalesce(code, '') || ':' || error_pattern(message)), 12)
$$ LANGUAGE sql IMMUTABLE;

-- Figures per minute, added up: each coordinator adds what it applied since its last write, so
-- the sum over any window and any number of coordinators is exact. Plain counters have bucket 0;
-- latency histograms one row per bucket (see LatencyBuckets); label is an error code, or ''.
CREATE TABLE metrics_minute (
    minute     timestamptz NOT NULL,
    tenant_id  text        NOT NULL,
    metric     text        NOT NULL,
    label      text        NOT NULL DEFAULT '',
    bucket     int         NOT NULL DEFAULT 0,
    value      bigint      NOT NULL,
    PRIMARY KEY (minute, tenant_id, metric, label, bucket)
);

-- The error report and the operator's retry read a job's failed tasks; failures are rare, so this
-- index stays small.
CREATE INDEX task_failed ON task (job_id, number) WHERE state = 'FAILED';
