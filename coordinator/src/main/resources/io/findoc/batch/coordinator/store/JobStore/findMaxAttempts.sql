SELECT id, max_attempts, initial_backoff_ms, max_backoff_ms
FROM job
WHERE id = ANY(:ids)
