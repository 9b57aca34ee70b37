-- A job's events in order (EventStore.findForJob, support queries, the event-delivery fault test):
-- an index scan instead of reading every event of the retention period.
CREATE INDEX job_event_of_job ON job_event (job_id, seq);
