DELETE FROM job_event
WHERE seq IN (
    SELECT seq
    FROM job_event
    WHERE relayed_at < now() - CAST(:age AS interval)
    ORDER BY relayed_at
    LIMIT :limit)
