package org.unionhub.competition.contest;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.competition.judging.Judge;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Who may do what in one competition: the rules of competitions (appointed judges, publication); the scope of staff
 * is the platform's {@link Access}. Three independent grounds, none implied by another:
 * <ul>
 *   <li>running it: admins, and staff of the organizing federation or above it;</li>
 *   <li>judging it: a {@code judge} token whose subject is appointed as a judge of THIS competition;</li>
 *   <li>chief-judging it: a {@code chief-judge} token whose subject is appointed as its chief judge.</li>
 * </ul>
 * A role in the token without the appointment grants nothing, so a judge or chief judge of one competition can
 * neither see nor change anything unpublished of another.
 */
@ApplicationScoped
public class CompetitionAccess {

    @Inject
    Actor actor;
    @Inject
    Access access;
    @Inject
    SecurityIdentity identity;

    /** Admins, and staff of the organizing federation or above it (a competition without organizer: admins only). */
    public boolean runs(Competition c) {
        return access.covers(c.organizerOrgId);
    }

    public void requireRunner(Competition c) {
        if (!runs(c)) {
            throw ProblemException.forbidden("only staff of the organizing federation run competition " + c.id);
        }
    }

    /** A judge appointed to this competition (by his token subject). */
    public boolean judges(Competition c) {
        return judges(c.id);
    }

    /** The chief judge appointed to this competition (by his token subject). */
    public boolean chiefJudges(Competition c) {
        return chiefJudges(c.id);
    }

    // by id: the use cases that follow lock the competition row, and an entity loaded here unlocked would be stale
    // against a concurrent writer (concurrent publishes must all answer the one result, not 409)
    private boolean judges(UUID competitionId) {
        return actor.has(Roles.JUDGE) && Judge.appointed(competitionId, actor.subject(), Judge.Role.JUDGE);
    }

    private boolean chiefJudges(UUID competitionId) {
        return actor.has(Roles.CHIEF_JUDGE) && Judge.appointed(competitionId, actor.subject(), Judge.Role.CHIEF_JUDGE);
    }

    public void requireJudge(UUID competitionId) {
        if (!judges(competitionId)) {
            throw ProblemException.forbidden("you are not appointed as a judge of competition " + competitionId);
        }
    }

    public void requireChiefJudge(UUID competitionId) {
        if (!chiefJudges(competitionId)) {
            throw ProblemException.forbidden("you are not appointed as the chief judge of competition " + competitionId);
        }
    }

    /** Before publication only the people running or judging THIS competition see its marks, roster and results. */
    public boolean seesUnpublishedResults(Competition c) {
        return runs(c) || judges(c) || chiefJudges(c);
    }

    public void requireInsider(Competition c, String what) {
        if (!seesUnpublishedResults(c)) {
            throw ProblemException.forbidden("only the staff running competition " + c.id + " and its appointed judges see " + what);
        }
    }

    /**
     * Results (rankings, awards, participation figures) are public once published; before that only insiders see
     * them. An anonymous caller is asked to sign in (401); a signed-in outsider is told they are not published (404),
     * which says nothing the public competition definition does not.
     */
    public void requireVisibleResults(Competition c) {
        if (c.isPublished() || seesUnpublishedResults(c)) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        throw new ProblemException(404, "not-published", "Not published", "the results of competition " + c.id + " are not published yet");
    }
}
