-- Issue 13: chief judges are appointed to one competition like judges, and every judge and chief-judge
-- endpoint checks the caller's appointment for THAT competition (a role in the token is no longer enough).
-- Earlier appointments were all judges.
ALTER TABLE judge ADD COLUMN role TEXT NOT NULL DEFAULT 'JUDGE';

-- "is this token subject appointed to this competition in this role": asked on every judge and chief-judge call
CREATE INDEX judge_appointment ON judge (competition_id, account, role);
