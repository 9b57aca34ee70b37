-- The ids of the jobs matching the dashboard's filter, oldest first: what a bulk action changes.
SELECT id
FROM job
WHERE (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
  AND (CAST(:state AS text) IS NULL OR state = :state)
  AND (CAST(:priority AS text) IS NULL OR priority = :priority)
  AND (CAST(:name AS text) IS NULL OR name ILIKE '%' || :name || '%')
  AND (CAST(:createdFrom AS timestamptz) IS NULL OR created_at >= :createdFrom)
  AND (CAST(:createdTo AS timestamptz) IS NULL OR created_at < :createdTo)
  AND (CAST(:metadata AS jsonb) IS NULL OR metadata @> CAST(:metadata AS jsonb))
ORDER BY created_at, id
LIMIT :limit
