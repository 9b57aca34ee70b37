-- Failure policies per job (issue 5): the job's own retry backoff, its failure threshold, fail-fast
-- and what happens when it fails; and the compensation of succeeded tasks when it rolls back.

-- Backoff of this job's retries; null: the coordinator's findoc.retry defaults.
ALTER TABLE job ADD COLUMN initial_backoff_ms bigint CHECK (initial_backoff_ms >= 0);
ALTER TABLE job ADD COLUMN max_backoff_ms bigint CHECK (max_backoff_ms >= 0);
-- The job FAILS when its failed tasks reach failure_threshold_count, or failure_threshold_ratio of
-- its total; with neither it fails only when no task succeeded (the rule before policies).
ALTER TABLE job ADD COLUMN failure_threshold_count int CHECK (failure_threshold_count >= 1);
ALTER TABLE job ADD COLUMN failure_threshold_ratio double precision
    CHECK (failure_threshold_ratio > 0 AND failure_threshold_ratio <= 1);
-- Fail fast: at the threshold the job's unfinished tasks are cancelled and the job fails at once.
ALTER TABLE job ADD COLUMN fail_fast boolean NOT NULL DEFAULT false;
-- complete: a failed job stays FAILED; rollback: it compensates its succeeded tasks first.
ALTER TABLE job ADD COLUMN on_failure text NOT NULL DEFAULT 'complete'
    CHECK (on_failure IN ('complete', 'rollback'));
-- Compensations of a rolling-back job: how many to run, done and failed for good.
ALTER TABLE job ADD COLUMN compensations int NOT NULL DEFAULT 0 CHECK (compensations >= 0);
ALTER TABLE job ADD COLUMN compensated int NOT NULL DEFAULT 0 CHECK (compensated >= 0);
ALTER TABLE job ADD COLUMN compensation_failed int NOT NULL DEFAULT 0
    CHECK (compensation_failed >= 0);
ALTER TABLE job ADD CONSTRAINT compensations_within_total CHECK (
    compensated + compensation_failed <= compensations AND compensations <= total);
ALTER TABLE job ADD CONSTRAINT rolled_back_jobs_compensated_all CHECK (
    state <> 'ROLLED_BACK' OR compensated = compensations);
ALTER TABLE job ADD CONSTRAINT rollback_only_by_policy CHECK (
    state <> 'ROLLING_BACK' OR on_failure = 'rollback');

-- The compensation of a SUCCEEDED task while (and after) its job rolls back; null: none.
ALTER TABLE task ADD COLUMN compensation text CHECK (compensation IN ('PENDING', 'QUEUED',
    'RUNNING', 'RETRY_WAIT', 'DONE', 'FAILED'));
ALTER TABLE task ADD COLUMN compensation_attempt int NOT NULL DEFAULT 0
    CHECK (compensation_attempt >= 0);
ALTER TABLE task ADD COLUMN compensation_not_before timestamptz;
ALTER TABLE task ADD COLUMN compensation_error_code text;
ALTER TABLE task ADD COLUMN compensation_error_message text;
ALTER TABLE task ADD CONSTRAINT only_succeeded_tasks_are_compensated CHECK (
    compensation IS NULL OR state = 'SUCCEEDED');
ALTER TABLE task ADD CONSTRAINT failed_compensations_say_why CHECK (
    compensation IS DISTINCT FROM 'FAILED' OR compensation_error_code IS NOT NULL);
ALTER TABLE task ADD CONSTRAINT compensation_retries_have_a_time CHECK (
    compensation IS DISTINCT FROM 'RETRY_WAIT' OR compensation_not_before IS NOT NULL);

-- What the CompensationDispatcher claims.
CREATE INDEX task_compensation_dispatchable ON task (job_id, number)
    WHERE compensation IN ('PENDING', 'RETRY_WAIT');
