package org.unionhub.membership.card;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.member.MemberAccess;
import org.unionhub.membership.member.Members;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member's cards. */
@Path("/api/v1/members/{id}/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit cards")
public class MemberCardResource {

    public record CardResponse(String number, UUID memberId, Card.Status status, Instant issuedAt, Instant blockedAt) {
        static CardResponse of(Card c) {
            return new CardResponse(c.number, c.memberId, c.status, c.issuedAt, c.blockedAt);
        }
    }

    @Inject
    Cards cards;
    @Inject
    MemberAccess access;
    @Inject
    Actor actor;

    @POST
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Issue a benefit card to an active member; one valid card per member (roles: staff of the subtree, admin)")
    public Response issue(@PathParam("id") UUID id) {
        Member m = Members.lock(id);
        access.requireManage(m);
        Card c = cards.issue(m, actor.subject());
        return Response.created(URI.create("/api/v1/members/" + id + "/cards")).entity(CardResponse.of(c)).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's cards, newest first (roles: the member himself, staff of the subtree, admin)")
    public Page<CardResponse> list(@PathParam("id") UUID id) {
        access.readable(id);
        return new Page<>(Card.<Card>list("memberId", Sort.descending("issuedAt"), id).stream().map(CardResponse::of).toList(), null);
    }
}
