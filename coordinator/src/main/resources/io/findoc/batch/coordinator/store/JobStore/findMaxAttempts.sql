SELECT id, max_attempts
FROM job
WHERE id = ANY(:ids)
