-- For the rest of the dispatch round's transaction, no sequential scan. Every claim finds its tasks
-- by the primary key or a partial index; the planner cannot estimate the ranges it passes (their
-- bounds come from the job rows), and from about a hundred jobs in a round it took a scan of the
-- whole task table, seconds each round on a table of millions of tasks, for the cheaper plan.
SET LOCAL enable_seqscan = off
