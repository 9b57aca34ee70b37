-- Publishing the round failed: it is due again after :delay.
UPDATE dispatch_round SET retry_at = now() + CAST(:delay AS interval) WHERE id = :id
