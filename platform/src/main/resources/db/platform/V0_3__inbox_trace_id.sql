-- The trace in which a consumer applied an event (W3C trace id, from the record's traceparent
-- header when tracing is on): the event's path from the writing request to each consumer.
ALTER TABLE processed_event ADD COLUMN trace_id TEXT;
