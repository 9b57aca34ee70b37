SELECT state, count(*) AS jobs
FROM job
WHERE CAST(:tenantId AS text) IS NULL OR tenant_id = :tenantId
GROUP BY state
