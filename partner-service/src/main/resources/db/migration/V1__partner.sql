-- Partners registered by an admin: what they may receive and how much of it.
CREATE TABLE partner (
    id                   UUID PRIMARY KEY,
    name                 TEXT        NOT NULL,
    contact              TEXT        NOT NULL,
    allowed_event_types  TEXT[]      NOT NULL,
    -- the root of the organization subtree whose events the partner may receive; NULL = every organization
    organization_id      UUID,
    redaction            TEXT        NOT NULL,
    -- also write the partner's events to the Kafka topic partner.<id>.v1
    kafka_stream         BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMPTZ NOT NULL,
    created_by           TEXT        NOT NULL
);

-- A partner's webhook endpoints.
CREATE TABLE subscription (
    id                    UUID PRIMARY KEY,
    partner_id            UUID        NOT NULL REFERENCES partner (id),
    url                   TEXT        NOT NULL,
    event_types           TEXT[]      NOT NULL,
    organization_id       UUID,
    status                TEXT        NOT NULL,
    -- why the subscription was paused, for its owner to read (no e-mail is sent)
    notice                TEXT,
    consecutive_failures  INT         NOT NULL DEFAULT 0,
    failing_since         TIMESTAMPTZ,
    paused_at             TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL,
    created_by            TEXT        NOT NULL
);
CREATE INDEX subscription_partner ON subscription (partner_id);

-- Signing secrets: the current one (expires_at NULL) and, after a rotation, the previous one until it expires.
CREATE TABLE signing_secret (
    id               BIGSERIAL PRIMARY KEY,
    subscription_id  UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    secret           TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ
);
CREATE INDEX signing_secret_subscription ON signing_secret (subscription_id);

-- One event for one subscription: the redacted CloudEvent as sent, its attempts and outcome.
CREATE TABLE delivery (
    id               UUID PRIMARY KEY,
    seq              BIGSERIAL   NOT NULL UNIQUE,
    subscription_id  UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id         UUID        NOT NULL,
    event_type       TEXT        NOT NULL,
    aggregate_key    TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    lease_until      TIMESTAMPTZ,
    last_status      INT,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    replay_id        UUID
);
-- an event reaches a subscription once (replays add rows of their own)
CREATE UNIQUE INDEX delivery_once ON delivery (subscription_id, event_id) WHERE replay_id IS NULL;
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX delivery_key ON delivery (subscription_id, aggregate_key, seq) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX delivery_log ON delivery (subscription_id, seq);
CREATE INDEX delivery_occurred ON delivery (subscription_id, occurred_at);
