package org.unionhub.membership.honor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.member.MemberEvents;
import org.unionhub.membership.member.Members;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Honor use cases: each honor is recorded once per source and announced as honor.recorded. */
@ApplicationScoped
public class Honors {

    public static final String AWARD_GRANTED = "org.unionhub.competition.award.granted";
    public static final String MEDAL_NOMINATED = "org.unionhub.competition.medal.nominated";

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Honor recordByStaff(Member m, HonorKind kind, String title, LocalDate awardedOn, String awardedBy, String actor) {
        Honor h = new Honor();
        h.id = UUID.randomUUID();
        h.memberId = m.id;
        h.kind = kind.name();
        h.title = title.trim();
        h.awardedOn = awardedOn;
        h.awardedBy = awardedBy;
        h.sourceType = "STAFF";
        h.sourceId = h.id.toString();
        h.recordedAt = clock.now();
        h.recordedBy = actor;
        h.persist();
        announce(m, h);
        return h;
    }

    /**
     * Applies {@code award.granted} or {@code medal.nominated}; other competition events are not ours.
     * The inbox stops a redelivered event; the unique source stops the same award sent again under a new event id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCompetitionEvent(IncomingEvent e) {
        boolean award = e.is(AWARD_GRANTED);
        if (!award && !e.is(MEDAL_NOMINATED)) {
            return;
        }
        JsonNode d = e.data();
        UUID memberId = uuid(d, "memberId", e);
        Member m = Member.findById(memberId);
        if (m == null) {
            throw new IncomingEvent.MalformedEventException(e.type() + " names member " + memberId + " whom membership does not know");
        }
        Honor h = new Honor();
        h.id = UUID.randomUUID();
        h.memberId = memberId;
        h.competitionId = uuid(d, "competitionId", e);
        h.competitionName = text(d, "competitionName");
        h.rank = d.hasNonNull("rank") ? d.get("rank").asInt() : null;
        h.recordedAt = clock.now();
        h.recordedBy = e.source();
        if (award) {
            h.kind = HonorKind.COMPETITION_PRIZE.name();
            h.sourceType = "COMPETITION_AWARD";
            h.sourceId = uuid(d, "awardId", e).toString();
            h.category = text(d, "category");
            h.prize = text(d, "prize");
            h.teamName = text(d, "teamName");
            h.title = HonorTitles.prize(h.competitionName, h.category, h.prize, h.teamName);
            h.awardedOn = date(text(d, "publishedAt"), e);
        } else {
            h.kind = HonorKind.MEDAL_NOMINATION.name();
            h.sourceType = "MEDAL_NOMINATION";
            h.sourceId = uuid(d, "nominationId", e).toString();
            h.medal = text(d, "medal");
            h.total = d.hasNonNull("total") ? d.get("total").asInt() : null;
            h.title = HonorTitles.nomination(h.competitionName, h.medal);
            h.awardedOn = date(text(d, "nominatedAt"), e);
        }
        h.awardedBy = h.competitionName;
        int inserted = em.createNativeQuery("INSERT INTO honor (id, member_id, kind, title, awarded_on, awarded_by, source_type, source_id, "
                        + "competition_id, competition_name, category, prize, rank, total, team_name, medal, recorded_at, recorded_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
                        + "ON CONFLICT (source_type, source_id) DO NOTHING")
                .setParameter(1, h.id).setParameter(2, h.memberId).setParameter(3, h.kind).setParameter(4, h.title)
                .setParameter(5, h.awardedOn).setParameter(6, h.awardedBy).setParameter(7, h.sourceType).setParameter(8, h.sourceId)
                .setParameter(9, h.competitionId).setParameter(10, h.competitionName).setParameter(11, h.category)
                .setParameter(12, h.prize).setParameter(13, h.rank).setParameter(14, h.total).setParameter(15, h.teamName)
                .setParameter(16, h.medal).setParameter(17, h.recordedAt).setParameter(18, h.recordedBy)
                .executeUpdate();
        if (inserted == 1) {
            announce(m, h);
        }
    }

    private void announce(Member m, Honor h) {
        outbox.publish(MemberEvents.TOPIC, MemberEvents.HONOR_RECORDED, m.id, Members.eventData(m).honor(h.id, h.kind, h.title));
    }

    private static UUID uuid(JsonNode d, String field, IncomingEvent e) {
        String v = text(d, field);
        try {
            return UUID.fromString(v);
        } catch (RuntimeException ex) {
            throw new IncomingEvent.MalformedEventException(e.type() + " without a valid " + field);
        }
    }

    private static String text(JsonNode d, String field) {
        return d != null && d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static LocalDate date(String iso, IncomingEvent e) {
        String v = iso != null ? iso : e.time() == null ? null : e.time().toString();
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
        } catch (RuntimeException ex) {
            try {
                return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v);
            } catch (RuntimeException ex2) {
                return null;
            }
        }
    }
}
