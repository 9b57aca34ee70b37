WITH inserted AS (
    INSERT INTO job (id, tenant_id, name, priority, processor, options, metadata, max_attempts,
                     state, task_order, has_task_dependencies, total, deadline)
    VALUES (:id, :tenantId, :name, :priority, :processor, :options::jsonb, :metadata::jsonb,
            :maxAttempts, :state, :taskOrder, :hasTaskDependencies, :total, :deadline)
    RETURNING id, state
)
INSERT INTO job_history (job_id, from_state, to_state, actor, detail)
SELECT id, NULL, state, :tenantId, 'submitted'
FROM inserted
