-- Issue 20: member pages are read in (organization_path, id) order, which one index serves at any depth: the
-- subtree is a prefix of that order, so a county's page 50 reads about 200 index entries like the province's page 1
-- (ordered by id alone, a county's page walked the primary key discarding the other counties' members, or sorted
-- the whole county, on every page). The path is compared byte-wise ("C"), so that LIKE 'subtree%' and ORDER BY use
-- the same b-tree whatever the database's default collation. Paths are ASCII ('/uuid/uuid/'): nothing reorders.
ALTER TABLE member ALTER COLUMN organization_path TYPE TEXT COLLATE "C";
CREATE INDEX member_path_id ON member (organization_path, id);
