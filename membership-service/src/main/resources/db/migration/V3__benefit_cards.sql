CREATE TABLE benefit_partner (
    id             UUID PRIMARY KEY,
    name           TEXT          NOT NULL,
    category       TEXT          NOT NULL,
    -- the share the member pays: 0.97 for 九七折
    discount_rate  NUMERIC(5, 4) NOT NULL CHECK (discount_rate > 0 AND discount_rate <= 1),
    created_at     TIMESTAMPTZ   NOT NULL,
    created_by     TEXT          NOT NULL
);

CREATE TABLE card (
    number      TEXT PRIMARY KEY,
    member_id   UUID        NOT NULL REFERENCES member (id),
    status      TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    issued_by   TEXT        NOT NULL,
    blocked_at  TIMESTAMPTZ,
    blocked_by  TEXT
);
CREATE INDEX card_member ON card (member_id);
-- the backstop of "one valid card per member" (the use case also locks the member row)
CREATE UNIQUE INDEX card_one_valid ON card (member_id) WHERE status = 'VALID';

CREATE TABLE redemption (
    id           UUID PRIMARY KEY,
    card_number  TEXT           NOT NULL REFERENCES card (number),
    member_id    UUID           NOT NULL REFERENCES member (id),
    partner_id   UUID           NOT NULL REFERENCES benefit_partner (id),
    amount       NUMERIC(12, 2) NOT NULL,
    payable      NUMERIC(12, 2) NOT NULL,
    saved        NUMERIC(12, 2) NOT NULL,
    redeemed_at  TIMESTAMPTZ    NOT NULL,
    recorded_by  TEXT           NOT NULL
);
CREATE INDEX redemption_member ON redemption (member_id, redeemed_at);
