CREATE TABLE member (
    id               UUID PRIMARY KEY,
    name             TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    organization_id  UUID        NOT NULL,
    joined_at        TIMESTAMPTZ NOT NULL,
    created_by       TEXT        NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX member_org ON member (organization_id);
