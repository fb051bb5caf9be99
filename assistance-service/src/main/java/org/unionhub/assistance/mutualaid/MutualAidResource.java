package org.unionhub.assistance.mutualaid;

import org.unionhub.platform.param.InputBounds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.unionhub.assistance.ledger.CapCheck;
import org.unionhub.assistance.ledger.Ledger;
import org.unionhub.assistance.program.Program;
import org.unionhub.assistance.program.Programs;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/mutual-aid")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mutual aid", description = "互助互济: yearly enrollment at 0.06 yuan a day, claims up to 100,000.00 a member and year")
public class MutualAidResource {

    public enum ClaimKind { HOSPITALIZATION, CRITICAL_ILLNESS, ACCIDENTAL_INJURY, DISABILITY, DEATH, OTHER }

    public record EnrollRequest(@NotNull UUID memberId, @NotNull @Schema(example = "2026") Integer year,
                                @Schema(description = "first day covered; defaults to today in the current year, 1 January in a later year",
                                        example = "2026-07-01") LocalDate coveredFrom) {
    }

    public record EnrollmentView(UUID id, UUID memberId, int year, LocalDate coveredFrom, int daysCovered, BigDecimal premium,
                                 Instant enrolledAt, String enrolledBy) {
    }

    public record ClaimRequest(@NotNull UUID memberId, @NotNull @Min(InputBounds.MIN_YEAR) @Max(InputBounds.MAX_YEAR) Integer year, @NotNull ClaimKind kind,
                               @NotNull @Schema(example = "50000.00") BigDecimal amount) {
    }

    public record ClaimView(UUID id, UUID memberId, int year, ClaimKind kind, BigDecimal amount, BigDecimal paidThisYear,
                            BigDecimal remainingThisYear, Instant paidAt, String paidBy) {
    }

    private static final String TOPIC = "assistance.v1";

    private final EntityManager em;
    private final Access access;
    private final Actor actor;
    private final Ledger ledger;
    private final Programs programs;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final IdempotentPost idempotent;

    public MutualAidResource(EntityManager em, Access access, Actor actor, Ledger ledger, Programs programs, Outbox outbox,
                             AuditTrail audit, IdempotentPost idempotent) {
        this.em = em;
        this.access = access;
        this.actor = actor;
        this.ledger = ledger;
        this.programs = programs;
        this.outbox = outbox;
        this.audit = audit;
        this.idempotent = idempotent;
    }

    @POST
    @Path("/enrollments")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Enroll a member in the year's mutual aid plan (roles: the member himself, staff of his subtree); "
            + "premium = 0.06 × days covered (a full non-leap year: 21.90); one enrollment per member and year")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "whole year", value = "{\"memberId\":\"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23\",\"year\":2027}")))
    public Response enroll(@Valid @NotNull EnrollRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.run(key, "POST /api/v1/mutual-aid/enrollments " + actor.subject(), r, () -> {
            MemberView m = actingFor(r.memberId());
            if (!m.isActive()) {
                throw ProblemException.rule("member-not-active", "the member's membership is " + m.status + "; mutual aid needs an active one")
                        .with("memberStatus", m.status);
            }
            LocalDate today = BusinessCalendar.today();
            if (r.year() < today.getYear() || r.year() > today.getYear() + 1) {
                throw ProblemException.invalid("year", "must be this year or next year");
            }
            LocalDate from = r.coveredFrom() != null ? r.coveredFrom()
                    : (r.year() == today.getYear() ? today : LocalDate.of(r.year(), 1, 1));
            if (from.getYear() != r.year()) {
                throw ProblemException.invalid("coveredFrom", "must lie within " + r.year());
            }
            if (from.isBefore(today) && !access.isStaffLike()) {
                throw ProblemException.invalid("coveredFrom", "cover starts today at the earliest");
            }
            if (!em.createNativeQuery("SELECT 1 FROM mutual_aid_enrollment WHERE member_id = ?1 AND year = ?2")
                    .setParameter(1, m.id).setParameter(2, r.year()).getResultList().isEmpty()) {
                throw ProblemException.conflict("duplicate", "member " + m.id + " is enrolled for " + r.year() + " already");
            }
            Premium premium = Premium.of(r.year(), from);
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            em.createNativeQuery("INSERT INTO mutual_aid_enrollment (id, member_id, organization_path, year, covered_from, days_covered, premium, enrolled_at, enrolled_by) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, id).setParameter(2, m.id).setParameter(3, m.organizationPath).setParameter(4, r.year())
                    .setParameter(5, from).setParameter(6, premium.daysCovered()).setParameter(7, premium.amount())
                    .setParameter(8, now).setParameter(9, actor.subject()).executeUpdate();
            EnrollmentView view = new EnrollmentView(id, m.id, r.year(), from, premium.daysCovered(), premium.amount(), now, actor.subject());
            audit.record("mutual-aid-enrollment", id, "enrolled", actor.subject(), m.organizationPath, null, view);
            outbox.publish(TOPIC, EventTypes.type("assistance", "mutualaid", "enrolled", 1), id,
                    new MutualAidEvents.Enrolled(id, m.id, m.organizationId, r.year(), from, premium.daysCovered(), premium.amount(), now));
            return Response.created(URI.create("/api/v1/mutual-aid/enrollments/" + id)).entity(view).build();
        });
    }

    @POST
    @Path("/claims")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Pay a mutual-aid claim of an enrolled member (roles: staff of his subtree); "
            + "payouts per member and year never exceed MUTUAL_AID's cap (100,000.00), even when claims race")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hospital stay", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","year":2026,"kind":"HOSPITALIZATION","amount":"50000.00"}""")))
    public Response claim(@Valid @NotNull ClaimRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.run(key, "POST /api/v1/mutual-aid/claims " + actor.subject(), r, () -> {
            MemberView m = knownMember(r.memberId());
            access.requireStaffOver(m.organizationId);
            access.requireNotOwn(m.id, "pays a mutual-aid claim");
            BigDecimal amount = Money.positive("amount", r.amount());
            if (em.createNativeQuery("SELECT 1 FROM mutual_aid_enrollment WHERE member_id = ?1 AND year = ?2")
                    .setParameter(1, m.id).setParameter(2, r.year()).getResultList().isEmpty()) {
                throw ProblemException.rule("not-enrolled", "member " + m.id + " is not enrolled in mutual aid for " + r.year());
            }
            Program program = programs.require(Program.MUTUAL_AID);
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            int month = BusinessCalendar.yearOf(now) == r.year() ? BusinessCalendar.monthOf(now) : 12;
            ledger.commit(new Ledger.Entry(m.id, m.organizationPath, program.code, r.year(), month, amount, "MUTUAL_AID_CLAIM", id,
                    actor.subject()), program);
            em.createNativeQuery("INSERT INTO mutual_aid_claim (id, member_id, year, kind, amount, paid_at, paid_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, id).setParameter(2, m.id).setParameter(3, r.year()).setParameter(4, r.kind().name())
                    .setParameter(5, amount).setParameter(6, now).setParameter(7, actor.subject()).executeUpdate();
            BigDecimal paid = ledger.committed(m.id, r.year()).getOrDefault(program.code, Money.ZERO);
            ClaimView view = new ClaimView(id, m.id, r.year(), r.kind(), amount, paid,
                    CapCheck.remaining(program.capPerPersonYear, paid), now, actor.subject());
            audit.record("mutual-aid-claim", id, "paid", actor.subject(), m.organizationPath, null, view);
            return Response.created(URI.create("/api/v1/mutual-aid/claims/" + id)).entity(view).build();
        });
    }

    private MemberView actingFor(UUID memberId) {
        MemberView m = MemberView.findById(memberId);
        access.requireActFor(memberId, m == null ? null : m.organizationId);
        if (m == null) {
            throw ProblemException.rule("member-unknown", "member " + memberId + " is not known to this service");
        }
        return m;
    }

    private static MemberView knownMember(UUID memberId) {
        MemberView m = MemberView.findById(memberId);
        if (m == null) {
            throw ProblemException.rule("member-unknown", "member " + memberId + " is not known to this service");
        }
        return m;
    }
}
