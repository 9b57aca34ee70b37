-- Jobs with tasks to hand out, oldest first; undispatched is their PENDING and RETRY_WAIT tasks.
SELECT id, tenant_id, priority, task_order = 'LIFO' AS lifo, queued,
       total - queued - running - succeeded - failed - cancelled - skipped AS undispatched
FROM job
WHERE state IN ('QUEUED', 'RUNNING')
  AND total > queued + running + succeeded + failed + cancelled + skipped
ORDER BY created_at
LIMIT :limit
