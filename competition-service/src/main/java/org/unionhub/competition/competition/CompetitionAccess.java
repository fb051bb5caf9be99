package org.unionhub.competition.competition;

import jakarta.enterprise.context.ApplicationScoped;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationScope;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

/** Who may run a competition: admins, and staff of the organizing federation or above it. */
@ApplicationScoped
public class CompetitionAccess {

    private final Actor actor;
    private final OrganizationScope scope;

    public CompetitionAccess(Actor actor, OrganizationScope scope) {
        this.actor = actor;
        this.scope = scope;
    }

    public boolean runs(Competition c) {
        if (actor.has(Roles.ADMIN)) {
            return true;
        }
        return actor.has(Roles.STAFF) && c.organizerOrgId != null && scope.covers(c.organizerOrgId);
    }

    public void requireRunner(Competition c) {
        if (!runs(c)) {
            throw ProblemException.forbidden("only staff of the organizing federation run competition " + c.id);
        }
    }

    /** Before publication only the people running or judging the competition see its results. */
    public boolean seesUnpublishedResults(Competition c) {
        return runs(c) || actor.has(Roles.CHIEF_JUDGE) || actor.has(Roles.JUDGE);
    }
}
