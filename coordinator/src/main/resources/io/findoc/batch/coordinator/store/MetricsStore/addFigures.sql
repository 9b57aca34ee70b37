-- Adds what a coordinator counted to the figures of each minute; rows come sorted by key, so two
-- coordinators adding at once never deadlock.
INSERT INTO metrics_minute (minute, tenant_id, metric, label, bucket, value)
SELECT *
FROM unnest(CAST(:minutes AS timestamptz[]), CAST(:tenants AS text[]), CAST(:metrics AS text[]),
            CAST(:labels AS text[]), CAST(:buckets AS int[]), CAST(:values AS bigint[]))
ON CONFLICT (minute, tenant_id, metric, label, bucket)
    DO UPDATE SET value = metrics_minute.value + EXCLUDED.value
