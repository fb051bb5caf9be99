package org.unionhub.partner.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What each {@link RedactionLevel} takes out of an event's data, by field name, at every depth of the JSON.
 * Field names are shared across the services' event types (docs/partners.md "Webhooks", "Redaction" lists them
 * per type), so one rule covers every type, including types added later: for {@code AGGREGATE_ONLY} an unknown
 * field is dropped (allow-list), for the other levels a personal field must be named here (deny-list).
 */
public final class Redaction {

    /** Never leave UnionHub, whatever the level (they should not be in events at all; this is the second guard). */
    public static final Set<String> NEVER = Set.of("idNumber", "residentIdNumber", "residentId", "phone", "mobile",
            "phoneNumber", "address", "bankAccount", "accountNumber");

    /**
     * Personal data in today's event types: a member's or contestant's {@code name} (membership member/card/honor
     * events; the {@code name} of an organization or venue event is not personal and stays, see
     * {@link #personalName(String)}), {@code memberName}, {@code cardNumber} (card.issued, card.blocked),
     * {@code teamName} (award.granted: names people's teams), {@code reason} (a member's suspension or leaving,
     * a rejection: free text about a person), {@code note}, {@code comment}, {@code description}, {@code title}
     * of a demand, {@code actor} (the staff member who acted).
     */
    public static final Set<String> PERSONAL = Set.of("memberName", "cardNumber", "teamName", "reason", "note",
            "comment", "description", "actor", "contestantName", "judgeName", "applicantName", "caseSummary",
            "situation", "content");

    /**
     * The only data fields an {@code AGGREGATE_ONLY} partner receives: where, what kind, when, how many, how much.
     * No names, no ids of persons or of their records (member, card, application, booking, payout, honor...).
     */
    public static final Set<String> AGGREGATE_FIELDS = Set.of("organizationId", "organizationAncestors", "status",
            "employmentForm", "programCode", "year", "amount", "total", "paid", "count", "kind", "level", "category",
            "prize", "rank", "medal", "competitionId", "competitionName", "venueId", "activityId", "parentId",
            "fromOrganizationId", "honorKind", "type", "publishedAt", "nominatedAt", "occurredOn", "closedOn",
            "openedOn", "grade", "score", "ancestors", "programName", "campaignId", "members", "totalAmount");

    private Redaction() {
    }

    /** A copy of the event data as a partner of this level may see it. */
    public static JsonNode apply(RedactionLevel level, String eventType, JsonNode data) {
        JsonNode copy = data.deepCopy();
        redact(level, eventType, copy);
        return copy;
    }

    /**
     * The CloudEvent subject (and Kafka key) a partner sees: the aggregate id, except for {@code AGGREGATE_ONLY},
     * which gets a per-partner pseudonym (the same for every event of one aggregate, so order per key still means
     * something, but not joinable with another partner's stream nor with the real id).
     */
    public static String subject(RedactionLevel level, String partnerId, String aggregateId) {
        if (level != RedactionLevel.AGGREGATE_ONLY || aggregateId == null) {
            return aggregateId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((partnerId + "/" + aggregateId).getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In membership's member, card and honor events {@code name} is the member's name. */
    static boolean personalName(String eventType) {
        return eventType.startsWith("org.unionhub.membership.member.") || eventType.startsWith("org.unionhub.membership.card.")
                || eventType.startsWith("org.unionhub.membership.honor.") || eventType.startsWith("org.unionhub.membership.demand.")
                || eventType.startsWith("org.unionhub.assistance.") || eventType.startsWith("org.unionhub.competition.award.")
                || eventType.startsWith("org.unionhub.competition.medal.");
    }

    private static void redact(RedactionLevel level, String eventType, JsonNode node) {
        if (node.isArray()) {
            node.forEach(n -> redact(level, eventType, n));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (removes(level, eventType, f.getKey())) {
                fields.remove();
            } else {
                redact(level, eventType, f.getValue());
            }
        }
    }

    static boolean removes(RedactionLevel level, String eventType, String field) {
        if (NEVER.contains(field)) {
            return true;
        }
        return switch (level) {
            case FULL -> false;
            case NO_PERSONAL_DATA -> PERSONAL.contains(field) || ("name".equals(field) && personalName(eventType));
            case AGGREGATE_ONLY -> !AGGREGATE_FIELDS.contains(field);
        };
    }
}
