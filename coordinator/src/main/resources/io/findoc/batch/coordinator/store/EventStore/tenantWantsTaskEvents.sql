SELECT EXISTS (
    SELECT 1
    FROM webhook_endpoint
    WHERE tenant_id = :tenantId
      AND enabled
      AND job_id IS NULL
      AND event_types && ARRAY['batch.task.started', 'batch.task.completed', 'batch.task.failed'])
