-- Relief campaigns (专项帮扶 / 送温暖): one decision pays a fixed amount to every eligible member of a federation's
-- subtree, e.g. 33.96 yuan to each of 10,000 front-line workers. Each entitlement counts against the member's
-- yearly cap and the program's fund through aid_entry and program_fund, exactly like an approved application.
CREATE TABLE relief_campaign (
    id                  UUID PRIMARY KEY,
    name                TEXT           NOT NULL,
    organization_id     UUID           NOT NULL,
    organization_path   TEXT           NOT NULL,
    program_code        TEXT           NOT NULL REFERENCES program (code),
    year                INT            NOT NULL,
    amount_per_person   NUMERIC(14, 2) NOT NULL CHECK (amount_per_person > 0),
    -- eligibility besides "ACTIVE member of the subtree": comma lists, empty = any
    employment_forms    TEXT           NOT NULL DEFAULT '',
    hardship_required   BOOLEAN        NOT NULL DEFAULT FALSE,
    hardship_levels     TEXT           NOT NULL DEFAULT '',
    status              TEXT           NOT NULL CHECK (status IN ('DRAFT', 'COMMITTED', 'DISBURSED')),
    created_at          TIMESTAMPTZ    NOT NULL,
    created_by          TEXT           NOT NULL,
    -- the organization the creator acted for: the approver must be of an organization strictly above it
    creator_org         UUID,
    approved_at         TIMESTAMPTZ,
    approved_by         TEXT,
    approver_org        UUID,
    eligible_count      INT,
    entitled_count      INT,
    committed_total     NUMERIC(14, 2),
    skipped_by_cap      INT,
    cut_by_fund         INT,
    uncommitted_total   NUMERIC(14, 2),
    disbursed_at        TIMESTAMPTZ,
    disbursed_by        TEXT,
    paid_count          INT,
    paid_total          NUMERIC(14, 2),
    forfeited_count     INT,
    forfeited_total     NUMERIC(14, 2),
    version             INT            NOT NULL DEFAULT 1
);
CREATE INDEX relief_campaign_path ON relief_campaign (organization_path text_pattern_ops);
CREATE INDEX relief_campaign_created ON relief_campaign (created_at DESC, id DESC);

-- One row per member the campaign reached: COMMITTED (counted against cap and fund) → PAID (once) or FORFEITED
-- (not active at disbursement, given back); SKIPPED rows say why a member got nothing (cap or fund).
CREATE TABLE relief_entitlement (
    id                 UUID PRIMARY KEY,
    campaign_id        UUID           NOT NULL REFERENCES relief_campaign (id),
    member_id          UUID           NOT NULL,
    organization_id    UUID           NOT NULL,
    organization_path  TEXT           NOT NULL,
    amount             NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    status             TEXT           NOT NULL CHECK (status IN ('COMMITTED', 'PAID', 'FORFEITED', 'SKIPPED')),
    reason             TEXT,
    created_at         TIMESTAMPTZ    NOT NULL,
    payout_id          UUID UNIQUE,
    paid_at            TIMESTAMPTZ,
    paid_by            TEXT,
    forfeited_at       TIMESTAMPTZ,
    UNIQUE (campaign_id, member_id),
    -- paid exactly once: a payout id exactly when paid
    CONSTRAINT relief_paid_has_payout CHECK ((status = 'PAID') = (payout_id IS NOT NULL))
);
CREATE INDEX relief_entitlement_member ON relief_entitlement (member_id, created_at);
