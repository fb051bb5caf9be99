package org.unionhub.assistance.legal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.common.Access;
import org.unionhub.assistance.common.BusinessCalendar;
import org.unionhub.assistance.common.Money;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationView;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

@Path("/api/v1/legal-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Legal aid", description = "法律援助: consultations and cases, union lawyers, money recovered")
public class LegalAidResource {

    public record OpenRequest(UUID memberId, @NotNull LegalCase.Kind kind,
                              @Schema(example = "8200.00") BigDecimal claimedAmount,
                              @NotBlank @Size(max = 4000) @Schema(example = "货车司机三个月运费被拖欠") String description) {
    }

    public record AssignRequest(@NotBlank @Size(max = 200) @Schema(example = "工会法律顾问 王律师") String lawyer) {
    }

    public record CloseRequest(@NotBlank @Size(max = 2000) @Schema(example = "调解成功，追回运费") String outcome,
                               @Schema(example = "8200.00") BigDecimal recoveredAmount) {
    }

    public record CaseView(UUID id, UUID memberId, LegalCase.Kind kind, BigDecimal claimedAmount, String description,
                           String status, String lawyer, String outcome, BigDecimal recoveredAmount,
                           Instant openedAt, String openedBy, Instant assignedAt, String assignedBy, Instant closedAt, String closedBy) {
        static CaseView of(LegalCase c) {
            return new CaseView(c.id, c.memberId, LegalCase.Kind.valueOf(c.kind), c.claimedAmount, c.description, c.status,
                    c.lawyer, c.outcome, c.recoveredAmount, c.openedAt, c.openedBy, c.assignedAt, c.assignedBy, c.closedAt, c.closedBy);
        }
    }

    public record Stats(int year, long cases, long consultations, Map<String, Long> byKind, long closed,
                        BigDecimal recoveredAmount) {
    }

    private final EntityManager em;
    private final Access access;
    private final Actor actor;
    private final AuditTrail audit;
    private final IdempotentPost idempotent;

    public LegalAidResource(EntityManager em, Access access, Actor actor, AuditTrail audit, IdempotentPost idempotent) {
        this.em = em;
        this.access = access;
        this.actor = actor;
        this.audit = audit;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Open a legal-aid case or record a consultation (roles: a member for himself, staff; memberId optional for anonymous consultations by staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "freight pay owed", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","kind":"WAGE_ARREARS","claimedAmount":"8200.00","description":"货车司机三个月运费被拖欠"}""")))
    public Response open(@Valid @NotNull OpenRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.run(key, "POST /api/v1/legal-cases " + actor.subject(), r, () -> {
            String path;
            if (r.memberId() != null) {
                MemberView m = MemberView.findById(r.memberId());
                access.requireActFor(r.memberId(), m == null ? null : m.organizationId);
                if (m == null) {
                    throw ProblemException.rule("member-unknown", "member " + r.memberId() + " is not known to this service");
                }
                path = m.organizationPath;
            } else {
                if (!access.isStaffLike()) {
                    throw ProblemException.invalid("memberId", "is required for a member");
                }
                OrganizationView org = actor.orgId().map(id -> (OrganizationView) OrganizationView.findById(id)).orElse(null);
                path = org == null ? null : org.path;
            }
            LegalCase c = new LegalCase();
            c.id = UUID.randomUUID();
            c.memberId = r.memberId();
            c.organizationPath = path;
            c.kind = r.kind().name();
            c.claimedAmount = Money.nonNegativeOrNull("claimedAmount", r.claimedAmount());
            c.description = r.description();
            c.status = LegalCase.OPEN;
            c.openedAt = Instant.now();
            c.openedBy = actor.subject();
            c.persist();
            CaseView view = CaseView.of(c);
            audit.record("legal-case", c.id, "opened", actor.subject(), path, null, view);
            return Response.created(URI.create("/api/v1/legal-cases/" + c.id)).entity(view).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "One legal-aid case (roles: the member himself, staff of his subtree)")
    public CaseView get(@PathParam("id") UUID id) {
        LegalCase c = find(id, false);
        requireRead(c);
        return CaseView.of(c);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Assign a union lawyer to a case (roles: staff of the member's subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lawyer", value = "{\"lawyer\":\"工会法律顾问 王律师\"}")))
    public CaseView assign(@PathParam("id") UUID id, @Valid @NotNull AssignRequest r) {
        return changeOpenCase(id, "assigned", c -> {
            c.lawyer = r.lawyer();
            c.status = LegalCase.ASSIGNED;
            c.assignedAt = Instant.now();
            c.assignedBy = actor.subject();
        });
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Close a case with its outcome and the money recovered (roles: staff of the member's subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "recovered", value = "{\"outcome\":\"调解成功，追回运费\",\"recoveredAmount\":\"8200.00\"}")))
    public CaseView close(@PathParam("id") UUID id, @Valid @NotNull CloseRequest r) {
        return changeOpenCase(id, "closed", c -> {
            c.outcome = r.outcome();
            c.recoveredAmount = Money.nonNegativeOrNull("recoveredAmount", r.recoveredAmount());
            c.status = LegalCase.CLOSED;
            c.closedAt = Instant.now();
            c.closedBy = actor.subject();
        });
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Legal aid in a year: cases by kind, consultations, money recovered (roles: staff for their subtree, admin for all)")
    @SuppressWarnings("unchecked")
    public Stats stats(@QueryParam("year") Integer year) {
        if (year == null) {
            throw ProblemException.invalid("year", "is required");
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(BusinessCalendar.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(BusinessCalendar.ZONE).toInstant();
        String marker = access.subtreeMarker();
        String scope = " AND (CAST(?3 AS TEXT) IS NULL OR organization_path LIKE CAST(?3 AS TEXT))";
        List<Object[]> kinds = em.createNativeQuery("SELECT kind, COUNT(*) FROM legal_case WHERE opened_at >= ?1 AND opened_at < ?2" + scope + " GROUP BY kind")
                .setParameter(1, from).setParameter(2, to).setParameter(3, marker).getResultList();
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (LegalCase.Kind k : LegalCase.Kind.values()) {
            byKind.put(k.name(), 0L);
        }
        long total = 0;
        for (Object[] k : kinds) {
            long n = ((Number) k[1]).longValue();
            byKind.put((String) k[0], n);
            total += n;
        }
        // money recovered counts in the year the case closed
        Object[] closed = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(recovered_amount), 0) FROM legal_case "
                        + "WHERE status = 'CLOSED' AND closed_at >= ?1 AND closed_at < ?2" + scope)
                .setParameter(1, from).setParameter(2, to).setParameter(3, marker).getSingleResult();
        return new Stats(year, total, byKind.get("CONSULTATION"), byKind, ((Number) closed[0]).longValue(),
                Money.of((BigDecimal) closed[1]));
    }

    /**
     * What every staff change to a case shares: the row locked (two staff members acting at once are
     * serialized), the subtree checked, a closed case refused, and the audit trail given the case as it
     * was and as it is.
     */
    private CaseView changeOpenCase(UUID id, String action, Consumer<LegalCase> change) {
        LegalCase c = find(id, true);
        requireStaff(c);
        c.requireNotClosed();
        CaseView before = CaseView.of(c);
        change.accept(c);
        CaseView after = CaseView.of(c);
        audit.record("legal-case", c.id, action, actor.subject(), c.organizationPath, before, after);
        return after;
    }

    private LegalCase find(UUID id, boolean lock) {
        LegalCase c = lock ? LegalCase.findById(id, LockModeType.PESSIMISTIC_WRITE) : LegalCase.findById(id);
        if (c == null) {
            throw ProblemException.notFound("legal case", id);
        }
        return c;
    }

    private void requireRead(LegalCase c) {
        if (c.memberId != null && access.actsAsSelf(c.memberId)) {
            return;
        }
        requireStaff(c);
    }

    private void requireStaff(LegalCase c) {
        if (!access.isStaffLike()) {
            throw ProblemException.forbidden("you may see only your own cases");
        }
        String marker = access.subtreeMarker();
        if (marker != null && (c.organizationPath == null || !c.organizationPath.contains(marker.replace("%", "")))) {
            throw ProblemException.forbidden("this case is outside your organization's subtree");
        }
    }
}
