-- Assistance programs: their rules are data, so staff change them without a release.
CREATE TABLE program (
    code                        TEXT PRIMARY KEY,
    name                        TEXT           NOT NULL,
    description                 TEXT,
    money                       BOOLEAN        NOT NULL,
    cap_per_person_year         NUMERIC(14, 2),
    cap_per_application         NUMERIC(14, 2),
    second_approval_threshold   NUMERIC(14, 2),
    requires_active_membership  BOOLEAN        NOT NULL DEFAULT TRUE,
    requires_hardship_file      BOOLEAN        NOT NULL DEFAULT FALSE,
    -- keys that an application's details must carry
    required_details            TEXT           NOT NULL DEFAULT '',
    -- a details key whose amount the request may not exceed (out-of-pocket medical cost)
    limited_by_detail           TEXT,
    version                     INT            NOT NULL DEFAULT 1,
    updated_at                  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by                  TEXT           NOT NULL DEFAULT 'migration'
);

-- The six assistance lines (6条保障普惠线).
INSERT INTO program (code, name, description, money, cap_per_person_year, cap_per_application, second_approval_threshold,
                     requires_active_membership, requires_hardship_file, required_details, limited_by_detail) VALUES
('TARGETED_MEDICAL', '专项精准帮扶线', 'Targeted aid for workers with high out-of-pocket medical costs', TRUE,
 30000.00, 30000.00, 10000.00, TRUE, FALSE, 'outOfPocketCost', 'outOfPocketCost'),
('DAILY_RELIEF', '日常救助温暖线', 'Relief payments and condolence visits', TRUE,
 10000.00, 5000.00, 3000.00, TRUE, FALSE, '', NULL),
('MUTUAL_AID', '互助互济保障线', 'Mutual aid plan: 0.06 yuan per person per day, payouts at most 100,000.00 a year', TRUE,
 100000.00, 100000.00, 50000.00, TRUE, FALSE, '', NULL),
('SUPPLEMENTARY_MEDICAL', '补充医疗安康线', 'Supplementary medical insurance and guidance', TRUE,
 50000.00, 50000.00, 20000.00, TRUE, FALSE, '', NULL),
('CRITICAL_ILLNESS_CHANNEL', '重疾绿通服务线', 'Green-channel referrals to top hospitals for critical illnesses (no money)', FALSE,
 NULL, NULL, NULL, TRUE, FALSE, '', NULL),
('QUALITY_LIFE', '品质生活普惠线', 'Quality-life benefits such as the discounted shopping channel (no money)', FALSE,
 NULL, NULL, NULL, TRUE, FALSE, '', NULL);

-- One fund per money program and year; reserved never exceeds amount, even when approvals race.
CREATE TABLE program_fund (
    program_code  TEXT           NOT NULL REFERENCES program (code),
    year          INT            NOT NULL,
    amount        NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    reserved      NUMERIC(14, 2) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    version       INT            NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by    TEXT           NOT NULL,
    PRIMARY KEY (program_code, year),
    CONSTRAINT fund_not_overspent CHECK (reserved <= amount)
);

-- Hardship files (困难职工档案).
CREATE TABLE hardship_file (
    id                        UUID PRIMARY KEY,
    member_id                 UUID           NOT NULL,
    organization_id           UUID           NOT NULL,
    organization_path         TEXT           NOT NULL,
    household_size            INT            NOT NULL,
    monthly_household_income  NUMERIC(14, 2) NOT NULL,
    causes                    TEXT           NOT NULL,
    level                     TEXT           NOT NULL,
    status                    TEXT           NOT NULL,
    opened_at                 TIMESTAMPTZ    NOT NULL,
    opened_by                 TEXT           NOT NULL,
    reviewed_at               TIMESTAMPTZ,
    reviewed_by               TEXT,
    next_review_on            DATE           NOT NULL,
    closed_at                 TIMESTAMPTZ,
    closed_by                 TEXT,
    close_reason              TEXT,
    version                   INT            NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX hardship_file_one_open ON hardship_file (member_id) WHERE status = 'OPEN';
CREATE INDEX hardship_file_path ON hardship_file (organization_path text_pattern_ops);

-- Applications: every step keeps its actor and time.
CREATE TABLE application (
    id                         UUID PRIMARY KEY,
    member_id                  UUID           NOT NULL,
    organization_id            UUID           NOT NULL,
    organization_path          TEXT           NOT NULL,
    program_code               TEXT           NOT NULL REFERENCES program (code),
    year                       INT            NOT NULL,
    requested_amount           NUMERIC(14, 2) NOT NULL,
    approved_amount            NUMERIC(14, 2),
    -- the program's rules when the application came in: later rule changes apply to later applications
    second_approval_threshold  NUMERIC(14, 2),
    reason                     TEXT           NOT NULL,
    details                    TEXT           NOT NULL,
    status                     TEXT           NOT NULL,
    submitted_at               TIMESTAMPTZ    NOT NULL,
    submitted_by               TEXT           NOT NULL,
    first_approved_at          TIMESTAMPTZ,
    first_approved_by          TEXT,
    first_approver_org         UUID,
    second_approved_at         TIMESTAMPTZ,
    second_approved_by         TEXT,
    second_approver_org        UUID,
    rejected_at                TIMESTAMPTZ,
    rejected_by                TEXT,
    rejection_reason           TEXT,
    disbursed_at               TIMESTAMPTZ,
    disbursed_by               TEXT,
    version                    INT            NOT NULL DEFAULT 1
);
CREATE INDEX application_member ON application (member_id, submitted_at DESC, id DESC);
CREATE INDEX application_path ON application (organization_path text_pattern_ops);

CREATE TABLE payout (
    id              UUID PRIMARY KEY,
    application_id  UUID           NOT NULL UNIQUE REFERENCES application (id),
    member_id       UUID           NOT NULL,
    program_code    TEXT           NOT NULL,
    year            INT            NOT NULL,
    amount          NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    disbursed_at    TIMESTAMPTZ    NOT NULL,
    disbursed_by    TEXT           NOT NULL
);

-- One row per member and year: approvals for a member lock it (SELECT ... FOR UPDATE) so that caps hold.
CREATE TABLE member_year_lock (
    member_id  UUID NOT NULL,
    year       INT  NOT NULL,
    PRIMARY KEY (member_id, year)
);

-- Aid committed to members (approved applications, visit cash, mutual-aid claims); a release is a
-- negative entry. Sums per member, program and year are what counts against the caps.
CREATE TABLE aid_entry (
    id                 BIGSERIAL PRIMARY KEY,
    member_id          UUID           NOT NULL,
    organization_path  TEXT           NOT NULL,
    program_code       TEXT           NOT NULL REFERENCES program (code),
    year               INT            NOT NULL,
    month              INT            NOT NULL CHECK (month BETWEEN 1 AND 12),
    amount             NUMERIC(14, 2) NOT NULL,
    source             TEXT           NOT NULL,
    source_id          UUID           NOT NULL,
    recorded_at        TIMESTAMPTZ    NOT NULL,
    recorded_by        TEXT           NOT NULL
);
CREATE INDEX aid_entry_member ON aid_entry (member_id, year, program_code);
CREATE INDEX aid_entry_year ON aid_entry (year, program_code, month);

-- The audit trail: append-only, the database refuses to change or remove an entry.
CREATE TABLE audit_entry (
    id                 BIGSERIAL PRIMARY KEY,
    entity             TEXT        NOT NULL,
    entity_id          TEXT        NOT NULL,
    action             TEXT        NOT NULL,
    actor              TEXT        NOT NULL,
    at                 TIMESTAMPTZ NOT NULL,
    organization_path  TEXT,
    old_value          TEXT,
    new_value          TEXT
);
CREATE INDEX audit_entry_entity ON audit_entry (entity, entity_id, id);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
