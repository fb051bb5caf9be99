-- The login account (the token's `sub`) that applied online for this membership (docs/identity.md): the
-- identity provider links an account to a member record only through it. NULL for members enrolled by staff.
ALTER TABLE member ADD COLUMN account_subject TEXT;

-- One live membership or application per account: an account cannot apply in the name of a second person
-- while the first is pending, active or suspended. The backstop of the check in Members.join (racing joins).
CREATE UNIQUE INDEX member_one_live_per_account ON member (account_subject)
    WHERE status IN ('PENDING', 'ACTIVE', 'SUSPENDED');
