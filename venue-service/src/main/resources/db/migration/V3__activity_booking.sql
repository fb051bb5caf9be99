-- Activities at venues, and members' bookings of them.
CREATE TABLE activity (
    id                 UUID PRIMARY KEY,
    venue_id           UUID        NOT NULL REFERENCES venue (id),
    title              TEXT        NOT NULL,
    description        TEXT,
    starts_at          TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ NOT NULL,
    capacity           INT         NOT NULL CHECK (capacity > 0),
    members_only       BOOLEAN     NOT NULL,
    booking_opens_at   TIMESTAMPTZ,
    booking_closes_at  TIMESTAMPTZ,
    status             TEXT        NOT NULL,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX activity_venue_time ON activity (venue_id, starts_at, ends_at);

CREATE SEQUENCE booking_waitlist_seq;

CREATE TABLE booking (
    id             UUID PRIMARY KEY,
    activity_id    UUID        NOT NULL REFERENCES activity (id),
    member_id      UUID        NOT NULL,
    status         TEXT        NOT NULL,
    -- the order of the waitlist (global sequence; only the order within one activity matters)
    waitlist_seq   BIGINT,
    booked_at      TIMESTAMPTZ NOT NULL,
    booked_by      TEXT        NOT NULL,
    confirmed_at   TIMESTAMPTZ,
    cancelled_at   TIMESTAMPTZ,
    cancelled_by   TEXT,
    cancel_reason  TEXT,
    attended_at    TIMESTAMPTZ,
    no_show_at     TIMESTAMPTZ,
    version        BIGINT      NOT NULL DEFAULT 0
);
-- one live booking per member per activity (a cancelled one may be followed by a new one)
CREATE UNIQUE INDEX booking_one_per_member ON booking (activity_id, member_id) WHERE status <> 'CANCELLED';
CREATE INDEX booking_activity_status ON booking (activity_id, status, waitlist_seq);
CREATE INDEX booking_member ON booking (member_id, status);
CREATE INDEX booking_confirmed ON booking (activity_id) WHERE status = 'CONFIRMED';
