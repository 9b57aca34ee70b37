-- How many jobs match the dashboard's filter: the preview of a bulk action.
SELECT count(*)
FROM job
WHERE (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
  AND (CAST(:state AS text) IS NULL OR state = :state)
  AND (CAST(:priority AS text) IS NULL OR priority = :priority)
  AND (CAST(:name AS text) IS NULL OR name ILIKE '%' || :name || '%')
  AND (CAST(:createdFrom AS timestamptz) IS NULL OR created_at >= :createdFrom)
  AND (CAST(:createdTo AS timestamptz) IS NULL OR created_at < :createdTo)
  AND (CAST(:metadata AS jsonb) IS NULL OR metadata @> CAST(:metadata AS jsonb))
