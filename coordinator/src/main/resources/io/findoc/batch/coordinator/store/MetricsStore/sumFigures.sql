-- The figures of each minute from :from (inclusive) to :to (exclusive), of one tenant or of all
-- (:tenantId null), summed over tenants and coordinators.
SELECT minute, metric, label, bucket, sum(value) AS value
FROM metrics_minute
WHERE minute >= :from
  AND minute < :to
  AND (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
GROUP BY minute, metric, label, bucket
