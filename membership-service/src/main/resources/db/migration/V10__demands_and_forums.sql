-- Workers' demands (诉求) and forums (座谈会), issue 19.

-- A forum of worker representatives held by an organization (e.g. the monthly truck drivers' forum).
CREATE TABLE forum (
    id               UUID PRIMARY KEY,
    organization_id  UUID        NOT NULL REFERENCES organization (id),
    held_on          DATE        NOT NULL,
    topic            TEXT        NOT NULL,
    minutes          TEXT,
    recorded_at      TIMESTAMPTZ NOT NULL,
    recorded_by      TEXT        NOT NULL
);
CREATE INDEX forum_organization ON forum (organization_id, held_on);

-- the representatives present, in the order staff listed them
CREATE TABLE forum_representative (
    forum_id   UUID NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    position   INT  NOT NULL,
    member_id  UUID NOT NULL REFERENCES member (id),
    PRIMARY KEY (forum_id, position)
);
CREATE INDEX forum_representative_member ON forum_representative (member_id);

-- the opinions heard (听取意见), one row each: their count is what the union reports upward
CREATE TABLE forum_opinion (
    forum_id  UUID NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    position  INT  NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (forum_id, position)
);

CREATE TABLE demand (
    id                         UUID PRIMARY KEY,
    member_id                  UUID        NOT NULL REFERENCES member (id),
    -- the member's organization when he raised it: its staff keep seeing the demand after an escalation
    member_organization_id     UUID        NOT NULL REFERENCES organization (id),
    category                   TEXT        NOT NULL,
    text                       TEXT        NOT NULL,
    channel                    TEXT        NOT NULL,
    forum_id                   UUID REFERENCES forum (id),
    -- who must answer now: the member's union at first, its parent after each escalation
    answering_organization_id  UUID        NOT NULL REFERENCES organization (id),
    status                     TEXT        NOT NULL,
    raised_at                  TIMESTAMPTZ NOT NULL,
    raised_by                  TEXT        NOT NULL,
    due_at                     TIMESTAMPTZ NOT NULL,
    closed_at                  TIMESTAMPTZ,
    escalations                INT         NOT NULL DEFAULT 0,
    version                    BIGINT      NOT NULL DEFAULT 0,
    CHECK (status IN ('RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'DECLINED')),
    CHECK ((closed_at IS NULL) = (status NOT IN ('RESOLVED', 'DECLINED')))
);
CREATE INDEX demand_member ON demand (member_id, raised_at);
CREATE INDEX demand_answering ON demand (answering_organization_id, due_at);
CREATE INDEX demand_member_organization ON demand (member_organization_id);
-- the escalation job's scan: open demands past their due time
CREATE INDEX demand_open_due ON demand (due_at) WHERE closed_at IS NULL;

-- every step of a demand, the member reads them as its history
CREATE TABLE demand_step (
    id                 UUID PRIMARY KEY,
    demand_id          UUID        NOT NULL REFERENCES demand (id),
    seq                INT         NOT NULL,
    kind               TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    at                 TIMESTAMPTZ NOT NULL,
    actor              TEXT        NOT NULL,
    response           TEXT,
    from_organization_id UUID,
    to_organization_id   UUID,
    UNIQUE (demand_id, seq)
);
