package org.unionhub.membership.card;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.unionhub.membership.persistence.UniqueIndex;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.member.MemberEvents;
import org.unionhub.membership.member.Members;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Benefit card use cases. */
@ApplicationScoped
public class Cards {

    public record Savings(UUID memberId, int year, BigDecimal saved, BigDecimal paid, long redemptions) {
    }

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    BusinessClock clock;

    /** One valid card per member, only for an active one; the member row lock serialises racing issues. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Card issue(Member lockedMember, String actor) {
        if (lockedMember.status != Member.Status.ACTIVE) {
            throw ProblemException.rule("member-not-active", "only an active member gets a benefit card")
                    .with("currentStatus", lockedMember.status.name());
        }
        Card valid = Card.find("memberId = ?1 and status = ?2", lockedMember.id, Card.Status.VALID).firstResult();
        if (valid != null) {
            throw ProblemException.conflict("card-exists", "the member already holds a valid card; block it before issuing another");
        }
        Card c = new Card();
        c.number = CardNumber.generate();
        c.memberId = lockedMember.id;
        c.status = Card.Status.VALID;
        c.issuedAt = clock.now();
        c.issuedBy = actor;
        c.persist();
        UniqueIndex.flush(em, () -> ProblemException.conflict("card-exists", "the member already holds a valid card"));
        outbox.publish(MemberEvents.TOPIC, MemberEvents.CARD_ISSUED, lockedMember.id, Members.eventData(lockedMember).card(c.number));
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Card block(Card locked, String actor) {
        if (locked.status == Card.Status.BLOCKED) {
            throw ProblemException.conflict("card-blocked", "the card is already blocked").with("currentStatus", locked.status.name());
        }
        locked.status = Card.Status.BLOCKED;
        locked.blockedAt = clock.now();
        locked.blockedBy = actor;
        Member m = Member.findById(locked.memberId);
        outbox.publish(MemberEvents.TOPIC, MemberEvents.CARD_BLOCKED, m.id, Members.eventData(m).card(locked.number));
        return locked;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Redemption redeem(Card card, BenefitPartner partner, BigDecimal amount, String actor) {
        if (card.status != Card.Status.VALID) {
            throw ProblemException.rule("card-blocked", "the card is blocked").with("cardStatus", card.status.name());
        }
        Member m = Member.findById(card.memberId);
        if (m.status != Member.Status.ACTIVE) {
            throw ProblemException.rule("member-not-active", "the card's member is not an active member")
                    .with("memberStatus", m.status.name());
        }
        Discount.Result r = Discount.apply(amount, partner.discountRate);
        Redemption x = new Redemption();
        x.id = UUID.randomUUID();
        x.cardNumber = card.number;
        x.memberId = m.id;
        x.partnerId = partner.id;
        x.amount = r.amount();
        x.payable = r.payable();
        x.saved = r.saved();
        x.redeemedAt = clock.now();
        x.recordedBy = actor;
        x.persist();
        // on the member's key, so a partner (or the savings of another service) sees one member's purchases in order
        outbox.publish(MemberEvents.TOPIC, MemberEvents.CARD_REDEEMED, m.id, CardRedeemed.of(x));
        return x;
    }

    public Savings savings(UUID memberId, int year) {
        Instant from = BusinessClock.startOf(LocalDate.of(year, 1, 1));
        Instant to = BusinessClock.startOf(LocalDate.of(year + 1, 1, 1));
        Tuple row = em.unwrap(Session.class).createNativeQuery("SELECT coalesce(sum(saved), 0), coalesce(sum(payable), 0), count(*) "
                        + "FROM redemption WHERE member_id = ?1 AND redeemed_at >= ?2 AND redeemed_at < ?3", Tuple.class)
                .setParameter(1, memberId).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Savings(memberId, year, money(row.get(0, Number.class)), money(row.get(1, Number.class)),
                row.get(2, Number.class).longValue());
    }

    public static Card lockCard(String number) {
        Card c = Card.findById(number, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("card", number);
        }
        return c;
    }

    private static BigDecimal money(Number v) {
        return new BigDecimal(v.toString()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
