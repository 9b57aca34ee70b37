SELECT id, tenant_id, priority, processor, options
FROM job
WHERE id = ANY(:ids)
