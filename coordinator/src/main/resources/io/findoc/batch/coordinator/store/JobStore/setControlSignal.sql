UPDATE job
SET control_signal = :signal
WHERE id = :id
