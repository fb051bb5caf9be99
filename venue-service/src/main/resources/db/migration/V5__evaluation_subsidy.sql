-- Yearly subsidy budgets of federations, annual evaluations (考评) and subsidies (奖补: awards and construction).
CREATE TABLE subsidy_budget (
    id               UUID PRIMARY KEY,
    organization_id  UUID           NOT NULL,
    year             INT            NOT NULL,
    amount           NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    -- awarded or approved so far; the CHECK is the last line of defence against overspending
    committed        NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid             NUMERIC(14, 2) NOT NULL DEFAULT 0,
    created_by       TEXT           NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    UNIQUE (organization_id, year),
    CHECK (committed <= amount),
    CHECK (paid <= committed)
);

CREATE TABLE evaluation (
    id             UUID PRIMARY KEY,
    venue_id       UUID           NOT NULL REFERENCES venue (id),
    year           INT            NOT NULL,
    scores         TEXT           NOT NULL,
    total          NUMERIC(6, 2)  NOT NULL,
    grade          TEXT           NOT NULL,
    award_amount   NUMERIC(14, 2) NOT NULL,
    subsidy_id     UUID,
    evaluated_by   TEXT           NOT NULL,
    evaluated_at   TIMESTAMPTZ    NOT NULL,
    UNIQUE (venue_id, year)
);

CREATE TABLE subsidy (
    id                 UUID PRIMARY KEY,
    kind               TEXT           NOT NULL,
    venue_id           UUID           NOT NULL REFERENCES venue (id),
    organization_id    UUID           NOT NULL,
    year               INT            NOT NULL,
    budget_id          UUID REFERENCES subsidy_budget (id),
    evaluation_id      UUID REFERENCES evaluation (id),
    construction_kind  TEXT,
    requested_amount   NUMERIC(14, 2),
    amount             NUMERIC(14, 2),
    description        TEXT,
    status             TEXT           NOT NULL,
    reason             TEXT,
    payment_reference  TEXT,
    created_at         TIMESTAMPTZ    NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX subsidy_year_org ON subsidy (year, organization_id);

-- Each step of a subsidy: who did it and when.
CREATE TABLE subsidy_step (
    id          BIGSERIAL PRIMARY KEY,
    subsidy_id  UUID           NOT NULL REFERENCES subsidy (id),
    status      TEXT           NOT NULL,
    actor       TEXT           NOT NULL,
    at          TIMESTAMPTZ    NOT NULL,
    amount      NUMERIC(14, 2),
    note        TEXT
);
CREATE INDEX subsidy_step_subsidy ON subsidy_step (subsidy_id, id);
