package org.unionhub.membership.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.unionhub.platform.event.EventTypes;

import java.util.List;
import java.util.UUID;

/**
 * The events on {@code membership.member.v1}, key = member id. Data carries every field of
 * {@link org.unionhub.platform.projection.MemberSnapshot} plus what a type adds; never an ID number or phone.
 */
public final class MemberEvents {

    public static final String TOPIC = "membership.member.v1";
    public static final String JOINED = member("joined");
    public static final String APPROVED = member("approved");
    public static final String REJECTED = member("rejected");
    public static final String TRANSFERRED = member("transferred");
    public static final String SUSPENDED = member("suspended");
    public static final String REINSTATED = member("reinstated");
    public static final String LEFT = member("left");
    public static final String CARD_ISSUED = EventTypes.type("membership", "card", "issued", 1);
    public static final String CARD_BLOCKED = EventTypes.type("membership", "card", "blocked", 1);
    /** A purchase with the card at a benefit partner (data: card/CardRedeemed, no personal data). */
    public static final String CARD_REDEEMED = EventTypes.type("membership", "card", "redeemed", 1);
    public static final String HONOR_RECORDED = EventTypes.type("membership", "honor", "recorded", 1);

    /** MemberSnapshot's fields first (consumers read them as a MemberSnapshot), then the extras of a type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberEventData(UUID memberId, String name, String status, UUID organizationId,
                                  List<UUID> organizationAncestors, String employmentForm,
                                  String reason, UUID fromOrganizationId, String cardNumber,
                                  UUID honorId, String honorKind, String honorTitle) {

        public static MemberEventData of(Member m, List<UUID> ancestors) {
            return new MemberEventData(m.id, m.name, m.status.name(), m.organizationId, ancestors,
                    m.employmentForm.name(), null, null, null, null, null, null);
        }

        public MemberEventData reason(String r) {
            return new MemberEventData(memberId, name, status, organizationId, organizationAncestors, employmentForm,
                    r, fromOrganizationId, cardNumber, honorId, honorKind, honorTitle);
        }

        public MemberEventData from(UUID org) {
            return new MemberEventData(memberId, name, status, organizationId, organizationAncestors, employmentForm,
                    reason, org, cardNumber, honorId, honorKind, honorTitle);
        }

        public MemberEventData card(String number) {
            return new MemberEventData(memberId, name, status, organizationId, organizationAncestors, employmentForm,
                    reason, fromOrganizationId, number, honorId, honorKind, honorTitle);
        }

        public MemberEventData honor(UUID id, String kind, String title) {
            return new MemberEventData(memberId, name, status, organizationId, organizationAncestors, employmentForm,
                    reason, fromOrganizationId, cardNumber, id, kind, title);
        }
    }

    private static String member(String verb) {
        return EventTypes.type("membership", "member", verb, 1);
    }

    public static String typeOf(MemberLifecycle.Action action) {
        return member(action.verb);
    }

    private MemberEvents() {
    }
}
