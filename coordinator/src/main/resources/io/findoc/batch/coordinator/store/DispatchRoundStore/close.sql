-- The broker has every message of the round.
DELETE FROM dispatch_round WHERE id = :id
