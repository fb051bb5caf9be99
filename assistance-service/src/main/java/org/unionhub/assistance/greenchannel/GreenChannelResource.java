package org.unionhub.assistance.greenchannel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.assistance.audit.AuditResource;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.common.Access;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/green-channel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Green channel", description = "重疾绿色通道: covered critical diseases, top hospitals, referrals REFERRED → ADMITTED → CLOSED")
public class GreenChannelResource {

    public record Disease(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}", message = "must be UPPER_SNAKE") @Schema(example = "LEUKEMIA") String code,
                          @NotBlank @Size(max = 200) @Schema(example = "白血病") String name,
                          @NotBlank @Size(max = 60) @Schema(example = "HEMATOLOGY") String category) {
    }

    public record Hospital(UUID id, @NotBlank @Size(max = 200) @Schema(example = "山东省立医院") String name,
                           @NotBlank @Size(max = 60) @Schema(example = "山东") String province,
                           @NotBlank @Size(max = 60) @Schema(example = "济南") String city,
                           @NotBlank @Size(max = 20) @Schema(example = "三甲") String grade) {
    }

    public record ReferralRequest(@NotNull UUID memberId, @NotBlank @Schema(example = "LEUKEMIA") String diseaseCode,
                                  @NotNull UUID hospitalId) {
    }

    public record CloseRequest(@Size(max = 2000) @Schema(example = "治疗完成出院") String outcome) {
    }

    public record ReferralView(UUID id, UUID memberId, String diseaseCode, UUID hospitalId, ReferralStatus status,
                               Instant referredAt, String referredBy, Instant admittedAt, String admittedBy,
                               Instant closedAt, String closedBy, String outcome) {
    }

    /** The event: no diagnosis travels, only where the member was referred. */
    public record ReferralCreated(UUID referralId, UUID memberId, UUID organizationId, UUID hospitalId, Instant referredAt) {
    }

    private final EntityManager em;
    private final Access access;
    private final Actor actor;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final IdempotentPost idempotent;

    public GreenChannelResource(EntityManager em, Access access, Actor actor, Outbox outbox, AuditTrail audit, IdempotentPost idempotent) {
        this.em = em;
        this.access = access;
        this.actor = actor;
        this.outbox = outbox;
        this.audit = audit;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/diseases")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Transactional
    @Operation(summary = "The critical diseases the green channel covers (roles: member, staff, admin, partner)")
    @SuppressWarnings("unchecked")
    public Page<Disease> diseases(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<Object[]> rows = em.createNativeQuery("SELECT code, name, category FROM green_channel_disease WHERE code > ?1 ORDER BY code LIMIT ?2")
                .setParameter(1, page.first() ? "" : page.after().get(0)).setParameter(2, page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), r -> PageRequest.encode(r[0]), r -> new Disease((String) r[0], (String) r[1], (String) r[2]));
    }

    @POST
    @Path("/diseases")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add or rename a covered disease (role: admin; the catalogue is national, no organization's staff change it)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "leukemia", value = "{\"code\":\"LEUKEMIA\",\"name\":\"白血病\",\"category\":\"HEMATOLOGY\"}")))
    public Response addDisease(@Valid @NotNull Disease d) {
        em.createNativeQuery("INSERT INTO green_channel_disease (code, name, category) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category")
                .setParameter(1, d.code()).setParameter(2, d.name()).setParameter(3, d.category()).executeUpdate();
        audit.record("green-channel-disease", d.code(), "loaded", actor.subject(), null, null, d);
        return Response.created(URI.create("/api/v1/green-channel/diseases/" + d.code())).entity(d).build();
    }

    @GET
    @Path("/hospitals")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Transactional
    @Operation(summary = "The top (三甲) hospitals of the green channel, optionally of one province (roles: member, staff, admin, partner)")
    @SuppressWarnings("unchecked")
    public Page<Hospital> hospitals(@QueryParam("province") String province, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.first() ? "00000000-0000-0000-0000-000000000000" : page.after().get(0);
        UUID afterId;
        try {
            afterId = UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API gave out");
        }
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, province, city, grade FROM green_channel_hospital "
                        + "WHERE id > ?1 AND (CAST(?2 AS TEXT) IS NULL OR province = CAST(?2 AS TEXT)) ORDER BY id LIMIT ?3")
                .setParameter(1, afterId).setParameter(2, province).setParameter(3, page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), r -> PageRequest.encode(r[0]),
                r -> new Hospital((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
    }

    @POST
    @Path("/hospitals")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add a hospital to the green channel (role: admin; the catalogue is national)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Qilu", value = "{\"name\":\"山东大学齐鲁医院\",\"province\":\"山东\",\"city\":\"济南\",\"grade\":\"三甲\"}")))
    public Response addHospital(@Valid @NotNull Hospital h) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO green_channel_hospital (id, name, province, city, grade) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, h.name()).setParameter(3, h.province()).setParameter(4, h.city())
                .setParameter(5, h.grade()).executeUpdate();
        Hospital created = new Hospital(id, h.name(), h.province(), h.city(), h.grade());
        audit.record("green-channel-hospital", id, "loaded", actor.subject(), null, null, created);
        return Response.created(URI.create("/api/v1/green-channel/hospitals/" + id)).entity(created).build();
    }

    @POST
    @Path("/referrals")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Refer an active member with a listed disease to a listed hospital (roles: the member himself, staff of his subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "referral", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","diseaseCode":"LEUKEMIA","hospitalId":"7c1e0f5a-0001-4000-8000-000000000005"}""")))
    public Response refer(@Valid @NotNull ReferralRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.run(key, "POST /api/v1/green-channel/referrals " + actor.subject(), r, () -> {
            MemberView m = MemberView.findById(r.memberId());
            access.requireActFor(r.memberId(), m == null ? null : m.organizationId);
            if (m == null) {
                throw ProblemException.rule("member-unknown", "member " + r.memberId() + " is not known to this service");
            }
            if (!m.isActive()) {
                throw ProblemException.rule("member-not-active", "the member's membership is " + m.status
                        + "; the green channel needs an active one").with("memberStatus", m.status);
            }
            if (em.createNativeQuery("SELECT 1 FROM green_channel_disease WHERE code = ?1").setParameter(1, r.diseaseCode()).getResultList().isEmpty()) {
                throw ProblemException.rule("disease-not-covered", r.diseaseCode() + " is not on the green channel's list of diseases");
            }
            if (em.createNativeQuery("SELECT 1 FROM green_channel_hospital WHERE id = ?1").setParameter(1, r.hospitalId()).getResultList().isEmpty()) {
                throw ProblemException.rule("hospital-not-listed", "hospital " + r.hospitalId() + " is not on the green channel's list");
            }
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            em.createNativeQuery("INSERT INTO referral (id, member_id, organization_id, organization_path, disease_code, hospital_id, status, referred_at, referred_by) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, id).setParameter(2, m.id).setParameter(3, m.organizationId).setParameter(4, m.organizationPath)
                    .setParameter(5, r.diseaseCode()).setParameter(6, r.hospitalId()).setParameter(7, ReferralStatus.REFERRED.name())
                    .setParameter(8, now).setParameter(9, actor.subject()).executeUpdate();
            ReferralView view = load(id);
            audit.record("referral", id, "referred", actor.subject(), m.organizationPath, null, view);
            outbox.publish("assistance.v1", EventTypes.type("assistance", "referral", "created", 1), id,
                    new ReferralCreated(id, m.id, m.organizationId, r.hospitalId(), now));
            return Response.created(URI.create("/api/v1/green-channel/referrals/" + id)).entity(view).build();
        });
    }

    @GET
    @Path("/referrals/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "One referral (roles: the member himself, staff of his subtree)")
    public ReferralView get(@PathParam("id") UUID id) {
        ReferralView v = load(id);
        access.requireRead(v.memberId(), orgOf(id));
        return v;
    }

    @POST
    @Path("/referrals/{id}/admit")
    @Consumes(MediaType.WILDCARD) // no body: a call without Content-Type is not a 415
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "The hospital admitted the referred member (roles: staff of his subtree)")
    public ReferralView admit(@PathParam("id") UUID id) {
        return move(id, ReferralStatus.ADMITTED, null);
    }

    @POST
    @Path("/referrals/{id}/close")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Close a referral with its outcome (roles: staff of his subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "discharged", value = "{\"outcome\":\"治疗完成出院\"}")))
    public ReferralView close(@PathParam("id") UUID id, @Valid CloseRequest r) {
        return move(id, ReferralStatus.CLOSED, r == null ? null : r.outcome());
    }

    private ReferralView move(UUID id, ReferralStatus to, String outcome) {
        List<?> locked = em.createNativeQuery("SELECT status FROM referral WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("referral", id);
        }
        access.requireStaffOver(orgOf(id));
        ReferralView before = load(id);
        before.status().next(to);
        Instant now = Instant.now();
        if (to == ReferralStatus.ADMITTED) {
            em.createNativeQuery("UPDATE referral SET status = ?1, admitted_at = ?2, admitted_by = ?3 WHERE id = ?4")
                    .setParameter(1, to.name()).setParameter(2, now).setParameter(3, actor.subject()).setParameter(4, id).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE referral SET status = ?1, closed_at = ?2, closed_by = ?3, outcome = ?4 WHERE id = ?5")
                    .setParameter(1, to.name()).setParameter(2, now).setParameter(3, actor.subject()).setParameter(4, outcome)
                    .setParameter(5, id).executeUpdate();
        }
        ReferralView after = load(id);
        audit.record("referral", id, to == ReferralStatus.ADMITTED ? "admitted" : "closed", actor.subject(), pathOf(id), before, after);
        return after;
    }

    private UUID orgOf(UUID id) {
        return (UUID) em.createNativeQuery("SELECT organization_id FROM referral WHERE id = ?1").setParameter(1, id).getSingleResult();
    }

    private String pathOf(UUID id) {
        return (String) em.createNativeQuery("SELECT organization_path FROM referral WHERE id = ?1").setParameter(1, id).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private ReferralView load(UUID id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, member_id, disease_code, hospital_id, status, referred_at, referred_by, "
                        + "admitted_at, admitted_by, closed_at, closed_by, outcome FROM referral WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("referral", id);
        }
        Object[] r = rows.get(0);
        return new ReferralView((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], ReferralStatus.valueOf((String) r[4]),
                AuditResource.toInstant(r[5]), (String) r[6], AuditResource.toInstant(r[7]), (String) r[8],
                AuditResource.toInstant(r[9]), (String) r[10], (String) r[11]);
    }
}
