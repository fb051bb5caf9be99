CREATE TABLE member_import (
    id           UUID PRIMARY KEY,
    status       TEXT        NOT NULL,
    total_rows   INT         NOT NULL,
    done_rows    INT         NOT NULL DEFAULT 0,
    imported     INT         NOT NULL DEFAULT 0,
    skipped      INT         NOT NULL DEFAULT 0,
    failed       INT         NOT NULL DEFAULT 0,
    -- [{line, reason}] of the rows that failed (never their ID number or phone)
    failures     TEXT        NOT NULL DEFAULT '[]',
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    finished_at  TIMESTAMPTZ,
    error        TEXT
);
