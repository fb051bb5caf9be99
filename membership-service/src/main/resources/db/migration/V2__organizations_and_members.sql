-- The walking skeleton's member table held only throw-away data and none of the personal fields the
-- full model needs (and that must be NOT NULL), so it is replaced rather than altered.
DROP TABLE member;

CREATE TABLE organization (
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    parent_id    UUID REFERENCES organization (id),
    region_code  TEXT        NOT NULL,
    credit_code  TEXT UNIQUE,
    -- '/root/.../self/': a subtree is every path starting with its root's path (never changes: no re-parenting)
    path         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX organization_parent ON organization (parent_id);
CREATE INDEX organization_path ON organization (path text_pattern_ops);
CREATE INDEX organization_name ON organization (name, id);

-- One row per person: a person who left and joins again gets the same row back, and the history keeps
-- every period. The resident ID number is only ever stored as a keyed hash (for uniqueness), an
-- encrypted value and a masked form.
CREATE TABLE member (
    id                 UUID PRIMARY KEY,
    name               TEXT        NOT NULL,
    id_hash            TEXT        NOT NULL UNIQUE,
    id_cipher          TEXT        NOT NULL,
    id_masked          TEXT        NOT NULL,
    birth_date         DATE        NOT NULL,
    gender             TEXT        NOT NULL,
    phone_cipher       TEXT        NOT NULL,
    phone_masked       TEXT        NOT NULL,
    employment_form    TEXT        NOT NULL,
    employer           TEXT,
    organization_id    UUID        NOT NULL REFERENCES organization (id),
    organization_path  TEXT        NOT NULL,
    join_channel       TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    joined_at          TIMESTAMPTZ NOT NULL,
    status_changed_at  TIMESTAMPTZ NOT NULL,
    created_by         TEXT        NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX member_org ON member (organization_id);
CREATE INDEX member_org_path ON member (organization_path text_pattern_ops);
CREATE INDEX member_status_path ON member (status, organization_path text_pattern_ops);

CREATE TABLE member_history (
    id                    BIGSERIAL PRIMARY KEY,
    member_id             UUID        NOT NULL REFERENCES member (id),
    at                    TIMESTAMPTZ NOT NULL,
    actor                 TEXT        NOT NULL,
    action                TEXT        NOT NULL,
    from_status           TEXT,
    to_status             TEXT        NOT NULL,
    from_organization_id  UUID,
    to_organization_id    UUID        NOT NULL,
    reason                TEXT
);
CREATE INDEX member_history_member ON member_history (member_id, id);
