WITH inserted AS (
    INSERT INTO job (id, tenant_id, name, priority, processor, options, metadata, max_attempts,
                     state, task_order, has_task_dependencies, total, initial_backoff_ms,
                     max_backoff_ms, failure_threshold_count, failure_threshold_ratio, fail_fast,
                     on_failure, deadline)
    VALUES (:id, :tenantId, :name, :priority, :processor, :options::jsonb, :metadata::jsonb,
            :maxAttempts, :state, :taskOrder, :hasTaskDependencies, :total, :initialBackoffMs,
            :maxBackoffMs, :failureThresholdCount, :failureThresholdRatio, :failFast, :onFailure, :deadline)
    RETURNING id, state
)
INSERT INTO job_history (job_id, from_state, to_state, actor, detail)
SELECT id, NULL, state, :tenantId, 'submitted'
FROM inserted
