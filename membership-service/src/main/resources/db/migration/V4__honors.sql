CREATE TABLE honor (
    id                UUID PRIMARY KEY,
    member_id         UUID        NOT NULL REFERENCES member (id),
    kind              TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    awarded_on        DATE,
    awarded_by        TEXT,
    -- where it came from: STAFF, COMPETITION_AWARD (awardId) or MEDAL_NOMINATION (nominationId);
    -- unique so that a redelivered or re-published competition event cannot record it twice
    source_type       TEXT        NOT NULL,
    source_id         TEXT        NOT NULL,
    competition_id    UUID,
    competition_name  TEXT,
    category          TEXT,
    prize             TEXT,
    rank              INT,
    total             INT,
    team_name         TEXT,
    medal             TEXT,
    recorded_at       TIMESTAMPTZ NOT NULL,
    recorded_by       TEXT        NOT NULL,
    UNIQUE (source_type, source_id)
);
CREATE INDEX honor_member ON honor (member_id, recorded_at);
