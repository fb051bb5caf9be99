-- The W3C trace context of the request that wrote the event, so the trace continues in consumers.
ALTER TABLE outbox ADD COLUMN trace_parent TEXT;
