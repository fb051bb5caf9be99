-- assistance reads of a member his status, organization (id and path: scope, four-eyes, relief campaigns of a
-- subtree) and employment form (relief eligibility): unionhub.membership-projection.member-fields=
-- organization_path,employment_form. The name is no longer stored (docs/architecture.md "Projections");
-- nothing looks members up by organization id, so its index goes too. VACUUM FULL member_view returns the space.
ALTER TABLE member_view ALTER COLUMN name DROP NOT NULL;
UPDATE member_view SET name = NULL WHERE name IS NOT NULL;
DROP INDEX IF EXISTS member_view_org;
