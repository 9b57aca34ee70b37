-- One statement for a status batch's task events: the tasks as this transaction left them.
INSERT INTO job_event (job_id, tenant_id, type, data)
SELECT t.job_id, j.tenant_id, u.type,
       jsonb_strip_nulls(jsonb_build_object(
           'jobId', t.job_id,
           'taskNumber', t.number,
           'documentId', t.document_ref,
           'state', t.state,
           'attempt', t.attempt,
           'worker', t.worker,
           'startedAt', t.started_at,
           'finishedAt', t.finished_at,
           'error', CASE WHEN t.error_code IS NOT NULL
                         THEN jsonb_build_object('code', t.error_code,
                                                 'message', t.error_message) END))
FROM unnest(CAST(:jobIds AS uuid[]), CAST(:numbers AS int[]), CAST(:types AS text[]))
         WITH ORDINALITY AS u(job_id, number, type, ord)
JOIN job j ON j.id = u.job_id AND j.task_events
JOIN task t ON t.job_id = u.job_id AND t.number = u.number
ORDER BY u.ord
