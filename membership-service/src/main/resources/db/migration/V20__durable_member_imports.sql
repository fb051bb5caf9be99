-- Bulk enrollment jobs that survive a restart (issue 16 item 4): the job, its progress and the uploaded file are
-- rows; each chunk of rows commits together with the job's progress (last_row), so a job resumes after its last
-- committed chunk and no row is imported twice.
ALTER TABLE member_import
    ADD COLUMN charset          TEXT NOT NULL DEFAULT 'UTF-8',
    -- the uploader's organization: rows must lie in its subtree (NULL for an admin)
    ADD COLUMN staff_org        UUID,
    -- the number of the last data record (1 = the first row after the header) whose chunk committed
    ADD COLUMN last_row         INT  NOT NULL DEFAULT 0,
    -- when the current run started and how many rows were done then: the estimate of the time left
    ADD COLUMN run_started_at   TIMESTAMPTZ,
    ADD COLUMN run_started_rows INT  NOT NULL DEFAULT 0,
    -- how many times a worker started the job (more than 1: it was resumed)
    ADD COLUMN attempts         INT  NOT NULL DEFAULT 0;

CREATE INDEX member_import_unfinished ON member_import (created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- The uploaded file, in pieces of at most 1 MiB, kept until the job ends (any replica can resume the job).
CREATE TABLE member_import_part (
    job_id   UUID  NOT NULL REFERENCES member_import (id) ON DELETE CASCADE,
    part_no  INT   NOT NULL,
    bytes    BYTEA NOT NULL,
    PRIMARY KEY (job_id, part_no)
);

-- The rows that failed, written with the chunk they belong to (never their ID number or phone).
CREATE TABLE member_import_failure (
    job_id  UUID NOT NULL REFERENCES member_import (id) ON DELETE CASCADE,
    line    INT  NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (job_id, line)
);
