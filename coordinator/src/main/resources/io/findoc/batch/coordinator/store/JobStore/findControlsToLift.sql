-- Jobs finished for longer than the retention whose instruction still stands on the control topic.
SELECT id
FROM job
WHERE control_signal IS NOT NULL
  AND finished_at < now() - CAST(:retention AS interval)
ORDER BY finished_at
LIMIT :limit
