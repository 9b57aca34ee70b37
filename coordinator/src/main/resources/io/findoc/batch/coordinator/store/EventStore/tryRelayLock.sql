-- 'findoc.outbox-relay' as a number: one relay at a time, across coordinators.
SELECT pg_try_advisory_xact_lock(7356001)
