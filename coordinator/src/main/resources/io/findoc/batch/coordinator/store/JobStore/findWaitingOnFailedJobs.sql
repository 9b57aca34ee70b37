-- WAITING jobs that never can start: a job they depend on ended without completing. One line per
-- job, naming the first such prerequisite.
SELECT DISTINCT ON (d.job_id) d.job_id AS id, p.id AS prerequisite, p.state AS prerequisite_state
FROM job j
JOIN job_dependency d ON d.job_id = j.id
JOIN job p ON p.id = d.depends_on
WHERE j.state = 'WAITING'
  AND p.state IN ('COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED', 'ROLLED_BACK')
ORDER BY d.job_id, p.id
LIMIT :limit
