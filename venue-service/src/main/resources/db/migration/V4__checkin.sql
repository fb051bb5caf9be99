-- Visits (人次): a named member's check-in counts one, an anonymous group its head count.
CREATE TABLE checkin (
    id            UUID PRIMARY KEY,
    venue_id      UUID        NOT NULL REFERENCES venue (id),
    member_id     UUID,
    head_count    INT         NOT NULL CHECK (head_count > 0),
    occurred_at   TIMESTAMPTZ NOT NULL,
    booking_id    UUID REFERENCES booking (id),
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX checkin_venue_time ON checkin (venue_id, occurred_at) INCLUDE (head_count);
