package org.unionhub.partner.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner systems (banks, insurers, benefit partners, data platforms) and what they receive")
public class PartnerResource {

    static final String EXAMPLE = """
            {"name":"工商银行江苏分行","contact":"api-ops@example-bank.cn",
             "allowedEventTypes":["org.unionhub.membership.member.joined.v1","org.unionhub.assistance.assistance.disbursed.v1"],
             "organizationId":"7b0c7f0e-0000-4000-8000-000000000001","redaction":"NO_PERSONAL_DATA"}""";

    public record RegisterRequest(@NotBlank @Size(max = 200) String name,
                                  @NotBlank @Size(max = 200) String contact,
                                  @NotEmpty @Size(max = 100) List<@NotBlank String> allowedEventTypes,
                                  UUID organizationId,
                                  @NotNull RedactionLevel redaction,
                                  Boolean kafkaStream) {
    }

    public record PartnerResponse(UUID id, String name, String contact, List<String> allowedEventTypes,
                                  UUID organizationId, RedactionLevel redaction, boolean kafkaStream, String kafkaTopic,
                                  Instant createdAt) {
        static PartnerResponse of(Partner p) {
            return new PartnerResponse(p.id, p.name, p.contact, Arrays.asList(p.allowedEventTypes), p.organizationId,
                    p.redaction, p.kafkaStream, p.kafkaStream ? p.topic() : null, p.createdAt);
        }
    }

    @Inject
    Partners partners;
    @Inject
    Actor actor;
    @Inject
    PartnerCaller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a partner system (roles: admin)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "bank", value = EXAMPLE)))
    public Response register(@Valid @NotNull RegisterRequest r) {
        Partner p = partners.register(new Partners.Registration(r.name(), r.contact(), r.allowedEventTypes(),
                r.organizationId(), r.redaction(), r.kafkaStream()), actor.subject());
        return Response.created(URI.create("/api/v1/partners/" + p.id)).entity(PartnerResponse.of(p)).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List partners, oldest first (roles: admin)")
    public Page<PartnerResponse> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<Partner> rows = ListQuery.of(Partner.class, page).orderBy(ListQuery.Key.instant("createdAt"), ListQuery.Key.uuid("id")).fetch();
        return Page.of(rows, page.limit(), p -> PageRequest.encode(p.createdAt, p.id), PartnerResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "One partner (roles: admin; partner (its own record only))")
    public PartnerResponse get(@PathParam("id") UUID id) {
        Partner p = Partner.findById(id);
        if (p == null || (!actor.has(Roles.ADMIN) && !caller.partnerId().map(id::equals).orElse(false))) {
            throw ProblemException.notFound("partner", id);
        }
        return PartnerResponse.of(p);
    }
}
