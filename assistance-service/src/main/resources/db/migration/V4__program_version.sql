-- Program rules are edited with If-Match; the row's version is the ETag and Hibernate's @Version.
-- V2 created the column; a database that predates it gets it here (nothing happens otherwise).
ALTER TABLE program ADD COLUMN IF NOT EXISTS version INT NOT NULL DEFAULT 1;
