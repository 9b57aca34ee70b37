UPDATE job
SET control_signal = NULL
WHERE id = ANY(CAST(:ids AS uuid[]))
