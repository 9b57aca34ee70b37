-- The figures from :from to :to summed per step (a PostgreSQL interval) from :from, of one tenant or
-- of all (:tenantId null).
SELECT date_bin(CAST(:step AS interval), minute, :from) AS minute, metric, label, bucket,
       sum(value) AS value
FROM metrics_minute
WHERE minute >= :from
  AND minute < :to
  AND (CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId)
GROUP BY 1, metric, label, bucket
ORDER BY 1
