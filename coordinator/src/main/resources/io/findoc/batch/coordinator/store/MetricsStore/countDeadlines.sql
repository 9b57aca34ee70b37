-- Jobs with a deadline: finished by it, finished after it, and not finished though it has passed.
SELECT count(*) FILTER (WHERE finished_at IS NOT NULL AND finished_at <= deadline) AS met,
       count(*) FILTER (WHERE finished_at IS NOT NULL AND finished_at > deadline) AS missed,
       count(*) FILTER (WHERE finished_at IS NULL AND deadline < now()) AS overdue,
       count(*) FILTER (WHERE finished_at IS NULL AND deadline >= now()) AS pending
FROM job
WHERE deadline IS NOT NULL
  AND (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
