-- A page of jobs matching the dashboard's filter, newest first, after the keyset cursor.
SELECT *
FROM job
WHERE (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
  AND (CAST(:state AS text) IS NULL OR state = :state)
  AND (CAST(:priority AS text) IS NULL OR priority = :priority)
  AND (CAST(:name AS text) IS NULL OR name ILIKE '%' || :name || '%')
  AND (CAST(:createdFrom AS timestamptz) IS NULL OR created_at >= :createdFrom)
  AND (CAST(:createdTo AS timestamptz) IS NULL OR created_at < :createdTo)
  AND (CAST(:metadata AS jsonb) IS NULL OR metadata @> CAST(:metadata AS jsonb))
  AND (CAST(:afterCreatedAt AS timestamptz) IS NULL
       OR (created_at, id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid)))
ORDER BY created_at DESC, id DESC
LIMIT :limit
