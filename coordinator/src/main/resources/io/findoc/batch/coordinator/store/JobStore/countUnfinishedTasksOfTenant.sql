-- Tasks of the tenant's unfinished jobs that are not done yet.
SELECT coalesce(sum(total - succeeded - failed - cancelled - skipped), 0)
FROM job
WHERE tenant_id = :tenantId
  AND state NOT IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED', 'ROLLED_BACK')
