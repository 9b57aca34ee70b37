SELECT document_ref, (array_agg(number ORDER BY number))[2] AS number
FROM task
WHERE job_id = :jobId
GROUP BY document_ref
HAVING count(*) > 1
ORDER BY 2
LIMIT :limit
