package org.unionhub.assistance.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.util.UUID;

import static org.unionhub.assistance.ledger.Totals.MemberTotals;
import static org.unionhub.assistance.ledger.Totals.Report;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Totals and reports", description = "What members received, within which caps; totals by program and month")
public class AssistanceTotalsResource {

    @Inject
    Totals totals;
    @Inject
    BusinessClock clock;

    @GET
    @Path("/members/{memberId}/assistance")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "A member's aid in a year across programs and what remains of each cap "
            + "(roles: the member himself, staff of his subtree); year defaults to this year")
    public MemberTotals member(@PathParam("memberId") UUID memberId, @QueryParam("year") Integer year) {
        return totals.member(memberId, year == null ? clock.year() : year);
    }

    @GET
    @Path("/reports/assistance")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "Aid committed in a year by program and month, for an organization's subtree "
            + "(roles: staff inside their subtree, finance, admin)")
    public Report report(@QueryParam("year") Integer year, @QueryParam("organizationId") UUID organizationId) {
        if (year == null) {
            throw ProblemException.invalid("year", "is required");
        }
        return totals.report(year, organizationId);
    }
}
