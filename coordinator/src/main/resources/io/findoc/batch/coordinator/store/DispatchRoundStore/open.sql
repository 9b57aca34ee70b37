-- Records a round just claimed, to be published by :claimedBy before :publishTime has passed.
INSERT INTO dispatch_round (claimed_by, retry_at, job_ids, numbers, attempts)
VALUES (:claimedBy, now() + CAST(:publishTime AS interval), CAST(:jobIds AS uuid[]),
        CAST(:numbers AS int[]), CAST(:attempts AS int[]))
RETURNING id
