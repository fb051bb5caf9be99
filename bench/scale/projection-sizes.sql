-- Issue 20, "projections sized to need": how big each service's member_view is per million members, measured on the
-- bench database (real names and organization paths of the generated members), with the columns each service keeps
-- (platform V0_1 member_view, then each service's V20__slim_member_view.sql). Run by bench/scale/run.sh after the
-- timings (PROJECTION_SIZES=1, the default); prints one row per shape.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
CREATE TEMP TABLE shape (service text, name bool, path bool, form bool, org_index bool);
INSERT INTO shape VALUES ('full copy (before slimming)', true, true, true, true), ('venue', false, true, false, false),
                         ('assistance', false, true, true, false), ('competition', true, false, false, false);
CREATE TEMP TABLE projection_size (service text, rows bigint, bytes bigint);
DO $$
DECLARE s shape%ROWTYPE;
BEGIN
  FOR s IN SELECT * FROM shape LOOP
    DROP TABLE IF EXISTS bench_member_view;
    CREATE TABLE bench_member_view (id UUID PRIMARY KEY, name TEXT, status TEXT NOT NULL, organization_id UUID NOT NULL,
                                    organization_path TEXT, employment_form TEXT, updated_at TIMESTAMPTZ NOT NULL);
    IF s.org_index THEN CREATE INDEX ON bench_member_view (organization_id); END IF;
    INSERT INTO bench_member_view
    SELECT id, CASE WHEN s.name THEN name END, status, organization_id, CASE WHEN s.path THEN organization_path END,
           CASE WHEN s.form THEN employment_form END, now()
    FROM member ORDER BY id LIMIT 1000000;
    INSERT INTO projection_size SELECT s.service, (SELECT count(*) FROM bench_member_view), pg_total_relation_size('bench_member_view');
  END LOOP;
  DROP TABLE bench_member_view;
END $$;
SELECT '| ' || service || ' | ' || pg_size_pretty(bytes) || ' | ' || round(bytes::numeric / rows) || ' |'
FROM projection_size;
