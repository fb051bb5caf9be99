-- Issue 14, item 5. A row the broker keeps refusing is parked (parked_at) instead of blocking
-- every key behind it; rows of the same key wait behind it so their order holds. state spells
-- the row's stage out for operators (SELECT ... FROM outbox WHERE state = 'PARKED').
ALTER TABLE outbox ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox ADD COLUMN state TEXT GENERATED ALWAYS AS (
    CASE WHEN sent_at IS NOT NULL THEN 'SENT' WHEN parked_at IS NOT NULL THEN 'PARKED' ELSE 'PENDING' END) STORED;
-- the relay's "is a row of this key parked ahead of me?" probe; parked rows are few
CREATE INDEX outbox_parked ON outbox (topic, aggregate_id, seq) WHERE parked_at IS NOT NULL AND sent_at IS NULL;

-- The retention job deletes by age in batches (platform retention/RetentionJob).
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
