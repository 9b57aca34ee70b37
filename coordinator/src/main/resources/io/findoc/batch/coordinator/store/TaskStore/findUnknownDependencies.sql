-- Dependencies of a new job's tasks that name no document of the job, by task number.
SELECT e.number, e.ref
FROM unnest(CAST(:numbers AS int[]), CAST(:refs AS text[])) AS e(number, ref)
LEFT JOIN task t ON t.job_id = :jobId AND t.document_ref = e.ref
WHERE t.number IS NULL
ORDER BY e.number
LIMIT :limit
