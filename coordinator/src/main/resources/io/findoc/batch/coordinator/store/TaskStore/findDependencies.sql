SELECT depends_on, number
FROM task_dependency
WHERE job_id = :jobId
