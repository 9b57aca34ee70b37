-- The transition table of a task's compensation (CompensationState in common; a test holds the
-- two equal), and a trigger that refuses any UPDATE of task.compensation that the table does not
-- allow: the statement fails and its transaction rolls back. Only statements that set the column
-- fire it (UPDATE OF compensation), so the task moves of the hot path never do. No compensation
-- (null) may only become PENDING, when its job starts rolling back.
CREATE FUNCTION compensation_may_move(from_state text, to_state text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
    WHEN from_state IS NULL THEN to_state = 'PENDING'
    WHEN from_state IN ('PENDING', 'QUEUED')
        THEN to_state IN ('PENDING', 'QUEUED', 'RUNNING', 'RETRY_WAIT', 'DONE', 'FAILED')
             AND to_state <> from_state
    WHEN from_state = 'RUNNING' THEN to_state IN ('PENDING', 'RETRY_WAIT', 'DONE', 'FAILED')
    WHEN from_state = 'RETRY_WAIT' THEN to_state = 'QUEUED'
    ELSE false
END
$$;

CREATE FUNCTION refuse_forbidden_compensation_move() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NOT coalesce(compensation_may_move(OLD.compensation, NEW.compensation), false) THEN
        RAISE EXCEPTION 'compensation may not move from % to %',
            coalesce(OLD.compensation, 'none'), coalesce(NEW.compensation, 'none')
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER compensation_moves_follow_the_table
    BEFORE UPDATE OF compensation ON task
    FOR EACH ROW
    WHEN (OLD.compensation IS DISTINCT FROM NEW.compensation)
    EXECUTE FUNCTION refuse_forbidden_compensation_move();
