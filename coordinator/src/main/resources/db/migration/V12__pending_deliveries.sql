-- The event cleanup keeps every event that a delivery still waits to send; this finds them.
CREATE INDEX webhook_delivery_pending_event ON webhook_delivery (event_id) WHERE state = 'PENDING';
