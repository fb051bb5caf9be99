-- venue reads of a member only his status (members-only bookings) and his organization path (staff act for
-- members of their subtree): unionhub.membership-projection.member-fields=organization_path. The name and
-- the employment form are no longer stored (docs/architecture.md "Projections"); nothing looks members up
-- by organization id, so its index goes too. VACUUM FULL member_view afterwards returns the space.
ALTER TABLE member_view ALTER COLUMN name DROP NOT NULL;
UPDATE member_view SET name = NULL, employment_form = NULL WHERE name IS NOT NULL OR employment_form IS NOT NULL;
DROP INDEX IF EXISTS member_view_org;
