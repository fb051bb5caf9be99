package org.unionhub.membership.card;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.member.MemberAccess;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a member saved with his card. */
@Path("/api/v1/members/{id}/savings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit cards")
public class MemberSavingsResource {

    public record SavingsResponse(UUID memberId, int year, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal saved,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid, long redemptions) {
    }

    @Inject
    Cards cards;
    @Inject
    MemberAccess access;
    @Inject
    BusinessClock clock;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "What a member saved with his card in a calendar year (China Standard Time; default this year) "
            + "(roles: the member himself, staff of the subtree, admin)")
    public SavingsResponse savings(@PathParam("id") UUID id, @QueryParam("year") Integer year) {
        access.readable(id);
        int y = year == null ? clock.year() : year;
        if (y < 2000 || y > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        Cards.Savings s = cards.savings(id, y);
        return new SavingsResponse(s.memberId(), s.year(), s.saved(), s.paid(), s.redemptions());
    }
}
