-- Skills competitions: items, teams and contestants, judges, scores with their history,
-- chief-judge confirmations, and what publication decided (awards, the medal nomination).

CREATE TABLE competition (
    id                UUID PRIMARY KEY,
    name              TEXT        NOT NULL,
    industry          TEXT        NOT NULL,
    level             TEXT        NOT NULL,
    stage             TEXT        NOT NULL,
    organizers        TEXT[]      NOT NULL,
    location          TEXT        NOT NULL,
    starts_on         DATE        NOT NULL,
    ends_on           DATE        NOT NULL,
    team_size         INT         NOT NULL,
    tie_break         TEXT[]      NOT NULL,
    status            TEXT        NOT NULL,
    organizer_org_id  UUID,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    published_at      TIMESTAMPTZ,
    publish_request   TEXT,
    publication       TEXT,
    version           BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE assessment_item (
    id              UUID PRIMARY KEY,
    competition_id  UUID          NOT NULL REFERENCES competition (id),
    code            TEXT          NOT NULL,
    name            TEXT          NOT NULL,
    weight          NUMERIC(6, 2) NOT NULL,
    max_score       NUMERIC(8, 2) NOT NULL,
    kind            TEXT          NOT NULL,
    tolerance       NUMERIC(8, 2),
    position        INT           NOT NULL,
    UNIQUE (competition_id, code)
);

CREATE TABLE team (
    id               UUID PRIMARY KEY,
    competition_id   UUID          NOT NULL REFERENCES competition (id),
    name             TEXT          NOT NULL,
    enterprise       TEXT          NOT NULL,
    enterprise_type  TEXT          NOT NULL,
    province         TEXT          NOT NULL,
    created_by       TEXT          NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    final_rank       INT,
    final_score      NUMERIC(8, 2)
);
CREATE INDEX team_competition ON team (competition_id);

CREATE TABLE contestant (
    id                   UUID PRIMARY KEY,
    competition_id       UUID          NOT NULL REFERENCES competition (id),
    team_id              UUID          NOT NULL REFERENCES team (id),
    member_id            UUID          NOT NULL,
    name                 TEXT          NOT NULL,
    enterprise           TEXT          NOT NULL,
    enterprise_type      TEXT          NOT NULL,
    province             TEXT          NOT NULL,
    disqualified_reason  TEXT,
    disqualified_by      TEXT,
    disqualified_at      TIMESTAMPTZ,
    final_rank           INT,
    final_total          NUMERIC(8, 2),
    -- one team per contestant per competition
    UNIQUE (competition_id, member_id)
);
CREATE INDEX contestant_member ON contestant (member_id);

CREATE TABLE judge (
    id              UUID PRIMARY KEY,
    competition_id  UUID        NOT NULL REFERENCES competition (id),
    name            TEXT        NOT NULL,
    enterprise      TEXT        NOT NULL,
    items           TEXT[]      NOT NULL,
    account         TEXT        NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX judge_competition ON judge (competition_id);

CREATE TABLE score (
    competition_id  UUID          NOT NULL REFERENCES competition (id),
    contestant_id   UUID          NOT NULL REFERENCES contestant (id),
    item_code       TEXT          NOT NULL,
    judge_id        UUID          NOT NULL REFERENCES judge (id),
    score           NUMERIC(8, 2) NOT NULL,
    scored_by       TEXT          NOT NULL,
    scored_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (contestant_id, item_code, judge_id)
);
CREATE INDEX score_competition ON score (competition_id);

-- every write of a score: the first mark (old_score NULL) and each correction
CREATE TABLE score_history (
    seq             BIGSERIAL PRIMARY KEY,
    competition_id  UUID          NOT NULL,
    contestant_id   UUID          NOT NULL,
    item_code       TEXT          NOT NULL,
    judge_id        UUID          NOT NULL,
    old_score       NUMERIC(8, 2),
    new_score       NUMERIC(8, 2) NOT NULL,
    changed_by      TEXT          NOT NULL,
    changed_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX score_history_contestant ON score_history (contestant_id, item_code);

-- the chief judge accepted marks that spread wider than the tolerance; any re-mark removes it
CREATE TABLE mark_confirmation (
    competition_id  UUID        NOT NULL,
    contestant_id   UUID        NOT NULL,
    item_code       TEXT        NOT NULL,
    confirmed_by    TEXT        NOT NULL,
    confirmed_at    TIMESTAMPTZ NOT NULL,
    note            TEXT,
    PRIMARY KEY (contestant_id, item_code)
);

CREATE TABLE award (
    id              UUID PRIMARY KEY,
    competition_id  UUID          NOT NULL REFERENCES competition (id),
    category        TEXT          NOT NULL,
    prize           TEXT          NOT NULL,
    rank            INT           NOT NULL,
    score           NUMERIC(8, 2) NOT NULL,
    member_id       UUID          NOT NULL,
    contestant_id   UUID          NOT NULL,
    name            TEXT          NOT NULL,
    team_id         UUID,
    team_name       TEXT,
    published_at    TIMESTAMPTZ   NOT NULL,
    UNIQUE (competition_id, category, member_id)
);
CREATE INDEX award_member ON award (member_id);

CREATE TABLE nomination (
    id              UUID PRIMARY KEY,
    competition_id  UUID          NOT NULL UNIQUE REFERENCES competition (id),
    member_id       UUID          NOT NULL,
    contestant_id   UUID          NOT NULL,
    name            TEXT          NOT NULL,
    medal           TEXT          NOT NULL,
    rank            INT           NOT NULL,
    total           NUMERIC(8, 2) NOT NULL,
    nominated_at    TIMESTAMPTZ   NOT NULL
);
