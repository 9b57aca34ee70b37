INSERT INTO job_dependency (job_id, depends_on)
SELECT :id, unnest(CAST(:dependsOn AS uuid[]))
ON CONFLICT DO NOTHING
