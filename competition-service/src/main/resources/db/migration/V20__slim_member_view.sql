-- competition reads of a member his status (teams take active members), name (a team member's name as
-- registered and published) and organization id (a staff member's scope): unionhub.membership-projection.
-- member-fields=name. The organization path and employment form are no longer stored (docs/architecture.md
-- "Projections"); nothing looks members up by organization id, so its index goes too.
-- VACUUM FULL member_view returns the space.
ALTER TABLE member_view ALTER COLUMN organization_path DROP NOT NULL;
UPDATE member_view SET organization_path = NULL, employment_form = NULL
 WHERE organization_path IS NOT NULL OR employment_form IS NOT NULL;
DROP INDEX IF EXISTS member_view_org;
