DELETE FROM metrics_minute
WHERE minute < :before
