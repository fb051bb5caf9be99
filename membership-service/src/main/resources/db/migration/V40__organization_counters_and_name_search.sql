-- Issue 20: organization statistics that do not scan the subtree, and a name search that does not scan
-- the members. See docs/scale.md.

-- 1. Counters ------------------------------------------------------------------------------------------
-- Every statement that changes who is an active member, or which cards exist, appends its net effect per
-- organization (by path) to organization_count_delta, from statement-level triggers: the database keeps the
-- counters whatever writes the rows (the API, the import, a migration). Appending never waits on another
-- writer; adding to the subtree totals directly would make every join in the nation queue on the root's row.
-- OrganizationCounterFolder folds the deltas into the subtree totals of the organization and each of its
-- ancestors (organization_count, organization_card_count), one transaction at a time. A read adds the totals
-- to the deltas not folded yet, in one statement (one snapshot), so it is exact at any moment.
CREATE TABLE organization_count_delta (
    id                 BIGSERIAL PRIMARY KEY,
    organization_path  TEXT   NOT NULL,
    -- null for a change of cards only
    employment_form    TEXT,
    active_members     BIGINT NOT NULL DEFAULT 0,
    cards_issued       BIGINT NOT NULL DEFAULT 0,
    cards_valid        BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX organization_count_delta_path ON organization_count_delta (organization_path text_pattern_ops);

-- subtree totals: the organization and everything below it
CREATE TABLE organization_count (
    organization_id  UUID   NOT NULL,
    employment_form  TEXT   NOT NULL,
    active_members   BIGINT NOT NULL,
    PRIMARY KEY (organization_id, employment_form)
);

CREATE TABLE organization_card_count (
    organization_id  UUID   PRIMARY KEY,
    cards_issued     BIGINT NOT NULL,
    cards_valid      BIGINT NOT NULL
);

CREATE FUNCTION member_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organization_count_delta (organization_path, employment_form, active_members)
    SELECT organization_path, employment_form, count(*) FROM new_rows WHERE status = 'ACTIVE'
    GROUP BY organization_path, employment_form;
    RETURN NULL;
END $$;

CREATE FUNCTION member_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organization_count_delta (organization_path, employment_form, active_members)
    SELECT organization_path, employment_form, -count(*) FROM old_rows WHERE status = 'ACTIVE'
    GROUP BY organization_path, employment_form;
    RETURN NULL;
END $$;

CREATE FUNCTION member_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organization_count_delta (organization_path, employment_form, active_members)
    SELECT path, form, sum(n) FROM (
        SELECT organization_path AS path, employment_form AS form, -1 AS n FROM old_rows WHERE status = 'ACTIVE'
        UNION ALL
        SELECT organization_path, employment_form, 1 FROM new_rows WHERE status = 'ACTIVE'
    ) moved GROUP BY path, form HAVING sum(n) <> 0;
    -- a member who moves to another organization takes his cards along
    INSERT INTO organization_count_delta (organization_path, cards_issued, cards_valid)
    SELECT path, sum(issued), sum(valid) FROM (
        SELECT o.organization_path AS path, -count(*) AS issued, -count(*) FILTER (WHERE c.status = 'VALID') AS valid
        FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.organization_path <> o.organization_path
        JOIN card c ON c.member_id = o.id GROUP BY o.organization_path
        UNION ALL
        SELECT n.organization_path, count(*), count(*) FILTER (WHERE c.status = 'VALID')
        FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.organization_path <> o.organization_path
        JOIN card c ON c.member_id = n.id GROUP BY n.organization_path
    ) cards GROUP BY path HAVING sum(issued) <> 0 OR sum(valid) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER member_counts_inserted AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION member_counts_inserted();
CREATE TRIGGER member_counts_deleted AFTER DELETE ON member REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION member_counts_deleted();
CREATE TRIGGER member_counts_updated AFTER UPDATE ON member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION member_counts_updated();

-- A card is counted where its member is. The member rows are locked (FOR SHARE) before their path is read:
-- a transfer committing meanwhile would otherwise move the card's old state while this statement books its new
-- state under the old organization.
CREATE FUNCTION card_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM member WHERE id IN (SELECT member_id FROM new_rows) FOR SHARE;
    INSERT INTO organization_count_delta (organization_path, cards_issued, cards_valid)
    SELECT m.organization_path, count(*), count(*) FILTER (WHERE c.status = 'VALID')
    FROM new_rows c JOIN member m ON m.id = c.member_id GROUP BY m.organization_path;
    RETURN NULL;
END $$;

CREATE FUNCTION card_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM member WHERE id IN (SELECT member_id FROM old_rows) FOR SHARE;
    INSERT INTO organization_count_delta (organization_path, cards_issued, cards_valid)
    SELECT m.organization_path, -count(*), -count(*) FILTER (WHERE c.status = 'VALID')
    FROM old_rows c JOIN member m ON m.id = c.member_id GROUP BY m.organization_path;
    RETURN NULL;
END $$;

CREATE FUNCTION card_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM member WHERE id IN (SELECT member_id FROM old_rows UNION SELECT member_id FROM new_rows) FOR SHARE;
    INSERT INTO organization_count_delta (organization_path, cards_issued, cards_valid)
    SELECT path, sum(issued), sum(valid) FROM (
        SELECT m.organization_path AS path, -1 AS issued, CASE WHEN c.status = 'VALID' THEN -1 ELSE 0 END AS valid
        FROM old_rows c JOIN member m ON m.id = c.member_id
        UNION ALL
        SELECT m.organization_path, 1, CASE WHEN c.status = 'VALID' THEN 1 ELSE 0 END
        FROM new_rows c JOIN member m ON m.id = c.member_id
    ) cards GROUP BY path HAVING sum(issued) <> 0 OR sum(valid) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER card_counts_inserted AFTER INSERT ON card REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION card_counts_inserted();
CREATE TRIGGER card_counts_deleted AFTER DELETE ON card REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION card_counts_deleted();
CREATE TRIGGER card_counts_updated AFTER UPDATE ON card REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION card_counts_updated();

-- what exists already becomes deltas, folded like any other
INSERT INTO organization_count_delta (organization_path, employment_form, active_members)
SELECT organization_path, employment_form, count(*) FROM member WHERE status = 'ACTIVE'
GROUP BY organization_path, employment_form;
INSERT INTO organization_count_delta (organization_path, cards_issued, cards_valid)
SELECT m.organization_path, count(*), count(*) FILTER (WHERE c.status = 'VALID')
FROM card c JOIN member m ON m.id = c.member_id GROUP BY m.organization_path;

-- 2. Name search ---------------------------------------------------------------------------------------
-- Chinese names are two to four characters without spaces, so word-based indexes (full text, pg_trgm's
-- three-character grams) find nothing in them. The name's distinct two-character grams, kept in a generated
-- column under a GIN index, let a search for any two or more characters intersect short posting lists; the
-- LIKE on the name stays as the exact recheck. Resident ID numbers and phones are never indexed in clear.
CREATE FUNCTION name_bigrams(name TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(name), i, 2)), '{}')
    FROM generate_series(1, char_length(name) - 1) AS i
$$;

-- varchar[] rather than text[]: the type JDBC binds a String[] as, so the query compares like with like
ALTER TABLE member ADD COLUMN name_grams VARCHAR[] GENERATED ALWAYS AS (name_bigrams(name)::varchar[]) STORED;
CREATE INDEX member_name_grams ON member USING gin (name_grams);
