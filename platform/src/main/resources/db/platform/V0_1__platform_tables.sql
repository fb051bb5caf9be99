-- Tables the platform library keeps in every service database.

-- Events waiting for (or already given to) Kafka, written in the transaction of the change.
CREATE TABLE outbox (
    seq           BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    payload       TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Events a consumer has applied: the inbox that makes redelivery harmless.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      UUID        NOT NULL,
    event_type    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- First responses to POSTs that carried an Idempotency-Key.
CREATE TABLE idempotency_key (
    idem_key      TEXT        NOT NULL,
    scope         TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INT         NOT NULL,
    location      TEXT,
    body          TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);

-- The organization tree, as membership-service announces it. path = '/rootId/.../id/'.
CREATE TABLE organization_view (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    parent_id     UUID,
    path          TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX organization_view_path ON organization_view (path text_pattern_ops);

-- Members, as membership-service announces them (no ID numbers, no phones).
CREATE TABLE member_view (
    id                 UUID PRIMARY KEY,
    name               TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    organization_id    UUID        NOT NULL,
    organization_path  TEXT        NOT NULL,
    employment_form    TEXT,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_view_org ON member_view (organization_id);
