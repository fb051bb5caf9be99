package org.unionhub.platform.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.inbox.Inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps {@code member_view} and {@code organization_view} from membership's topics, once per event.
 * A batch of records is applied in the caller's transaction: the inbox rows in one insert, the
 * projection in one upsert per table (the newest state of each member in the batch), then what else
 * the service does with each new event (e.g. cancel the bookings of a member who left).
 *
 * <p>Every event on {@code membership.member.v1} carries the member's snapshot: {@code member.*}, and
 * also {@code card.*} and {@code honor.recorded} (same key). All of them are applied, so that a projection
 * rebuilt from the compacted topic knows members whose newest record is a card or honor event.
 *
 * <p>Only the member fields a service keeps ({@code unionhub.membership-projection.member-fields}) are
 * written; the others stay null (see docs/architecture.md "Projections").
 */
@ApplicationScoped
public class MembershipFeed {

    public static final String MEMBER_EVENT_PREFIX = "org.unionhub.membership.member.";
    public static final String CARD_EVENT_PREFIX = "org.unionhub.membership.card.";
    public static final String HONOR_EVENT_PREFIX = "org.unionhub.membership.honor.";
    public static final String ORGANIZATION_EVENT_PREFIX = "org.unionhub.membership.organization.";

    /** The optional member columns; id, status, organization_id and updated_at are always kept. */
    public static final Set<String> OPTIONAL_MEMBER_FIELDS = Set.of("name", "organization_path", "employment_form");

    private final Inbox inbox;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Set<String> memberFields;

    public MembershipFeed(Inbox inbox, ObjectMapper json, EntityManager em,
                          @ConfigProperty(name = "unionhub.membership-projection.member-fields",
                                  defaultValue = "name,organization_path,employment_form") Set<String> memberFields) {
        this.inbox = inbox;
        this.json = json;
        this.em = em;
        for (String f : memberFields) {
            if (!OPTIONAL_MEMBER_FIELDS.contains(f)) {
                throw new IllegalArgumentException("unionhub.membership-projection.member-fields: unknown field " + f
                        + " (known: " + OPTIONAL_MEMBER_FIELDS + ")");
            }
        }
        this.memberFields = Set.copyOf(memberFields);
    }

    /** True for the events whose data is a {@link MemberSnapshot}. */
    public static boolean carriesMemberSnapshot(String type) {
        // card.redeemed shares the member's key but carries a purchase, not the member's snapshot
        return type != null && (type.startsWith(MEMBER_EVENT_PREFIX) || type.startsWith(HONOR_EVENT_PREFIX)
                || (type.startsWith(CARD_EVENT_PREFIX) && !type.startsWith(CARD_EVENT_PREFIX + "redeemed.")));
    }

    public static boolean isOrganizationEvent(String type) {
        return type != null && type.startsWith(ORGANIZATION_EVENT_PREFIX);
    }

    /**
     * Reads a record of {@code membership.member.v1} and checks it against the snapshot's schema.
     *
     * @throws IncomingEvent.MalformedEventException when the record is poison
     */
    public IncomingEvent readMemberRecord(ConsumerRecord<String, byte[]> record) {
        IncomingEvent e = IncomingEvent.from(record, json);
        if (carriesMemberSnapshot(e.type())) {
            MemberSnapshot s = read(e, MemberSnapshot.class);
            require(e, "memberId", s.memberId());
            require(e, "status", s.status());
            require(e, "organizationId", s.organizationId());
            if (memberFields.contains("name")) {
                require(e, "name", s.name());
            }
        }
        return e;
    }

    /** Reads a record of {@code membership.organization.v1} and checks it against the snapshot's schema. */
    public IncomingEvent readOrganizationRecord(ConsumerRecord<String, byte[]> record) {
        IncomingEvent e = IncomingEvent.from(record, json);
        if (isOrganizationEvent(e.type())) {
            OrganizationSnapshot s = read(e, OrganizationSnapshot.class);
            require(e, "organizationId", s.organizationId());
            require(e, "name", s.name());
            require(e, "type", s.type());
        }
        return e;
    }

    /** Applies one record of {@code membership.member.v1}; {@code also} runs after the projection. */
    @Transactional
    public void onMemberRecord(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> also) {
        applyMemberEvents(consumer, List.of(readMemberRecord(record)), also);
    }

    /** Applies one record of {@code membership.organization.v1}. */
    @Transactional
    public void onOrganizationRecord(String consumer, ConsumerRecord<String, byte[]> record) {
        applyOrganizationEvents(consumer, List.of(readOrganizationRecord(record)));
    }

    /**
     * Applies a batch of read member-topic events, in order, in the caller's transaction.
     *
     * @return how many were new (not applied before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int applyMemberEvents(String consumer, List<IncomingEvent> events, Consumer<IncomingEvent> also) {
        List<IncomingEvent> fresh = inbox.firstTime(consumer, events);
        upsertMembers(newestPerKey(fresh, true));
        for (IncomingEvent e : fresh) {
            also.accept(e);
        }
        return fresh.size();
    }

    /** Applies a batch of read organization-topic events, in order, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int applyOrganizationEvents(String consumer, List<IncomingEvent> events) {
        List<IncomingEvent> fresh = inbox.firstTime(consumer, events);
        upsertOrganizations(newestPerKey(fresh, false));
        return fresh.size();
    }

    /**
     * The newest event per member (or organization) of a batch: by event time, a later record winning a tie
     * (as one-by-one application did). Older states would be overwritten within the batch anyway.
     */
    private List<IncomingEvent> newestPerKey(List<IncomingEvent> events, boolean members) {
        Map<UUID, IncomingEvent> newest = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            if (members ? !carriesMemberSnapshot(e.type()) : !isOrganizationEvent(e.type())) {
                continue;
            }
            UUID key = UUID.fromString(e.data().path(members ? "memberId" : "organizationId").asText());
            IncomingEvent before = newest.get(key);
            if (before == null || !at(before).isAfter(at(e))) {
                newest.put(key, e);
            }
        }
        return List.copyOf(newest.values());
    }

    private void upsertMembers(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        UUID[] orgs = new UUID[n];
        String[] at = new String[n];
        String[] status = new String[n];
        String[] name = new String[n];
        String[] path = new String[n];
        String[] form = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingEvent e = events.get(i);
            MemberSnapshot s = read(e, MemberSnapshot.class);
            ids[i] = s.memberId();
            orgs[i] = s.organizationId();
            at[i] = at(e).toString();
            status[i] = s.status();
            name[i] = s.name();
            path[i] = s.organizationPath();
            form[i] = s.employmentForm();
        }
        // the optional columns a service does not keep are neither selected nor written
        List<String> columns = new ArrayList<>(List.of("id", "updated_at", "status", "organization_id"));
        List<String> casts = new ArrayList<>(List.of("u.id", "u.updated_at::timestamptz", "u.status", "u.organization_id"));
        List<Object[]> arrays = new ArrayList<>(List.of(ids, at, status, orgs));
        List<String> types = new ArrayList<>(List.of("uuid", "text", "text", "uuid"));
        addOptional(columns, casts, arrays, types, "name", name);
        addOptional(columns, casts, arrays, types, "organization_path", path);
        addOptional(columns, casts, arrays, types, "employment_form", form);
        upsert("member_view", columns, casts, arrays, types);
    }

    private void addOptional(List<String> columns, List<String> casts, List<Object[]> arrays, List<String> types,
                             String column, String[] values) {
        if (memberFields.contains(column)) {
            columns.add(column);
            casts.add("u." + column);
            arrays.add(values);
            types.add("text");
        }
    }

    private void upsertOrganizations(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        UUID[] parents = new UUID[n];
        String[] at = new String[n];
        String[] name = new String[n];
        String[] type = new String[n];
        String[] path = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingEvent e = events.get(i);
            OrganizationSnapshot s = read(e, OrganizationSnapshot.class);
            ids[i] = s.organizationId();
            parents[i] = s.parentId();
            at[i] = at(e).toString();
            name[i] = s.name();
            type[i] = s.type();
            path[i] = s.path();
        }
        upsert("organization_view",
                List.of("id", "updated_at", "name", "type", "parent_id", "path"),
                List.of("u.id", "u.updated_at::timestamptz", "u.name", "u.type", "u.parent_id", "u.path"),
                List.of(ids, at, name, type, parents, path),
                List.of("uuid", "text", "text", "text", "uuid", "text"));
    }

    /**
     * {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT (id) DO UPDATE ... WHERE newer}: one statement
     * for the batch; an older event arriving late does not undo a newer state.
     */
    private void upsert(String table, List<String> columns, List<String> selects, List<Object[]> arrays, List<String> types) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") SELECT ").append(String.join(", ", selects))
                .append(" FROM unnest(");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(types.get(i)).append("[]");
        }
        sql.append(") AS u(").append(String.join(", ", columns)).append(") ON CONFLICT (id) DO UPDATE SET ");
        for (int i = 1; i < columns.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append(columns.get(i)).append(" = EXCLUDED.").append(columns.get(i));
        }
        sql.append(" WHERE ").append(table).append(".updated_at <= EXCLUDED.updated_at");
        em.flush(); // entities changed earlier in the transaction reach the table before the upsert
        em.unwrap(Session.class).doWork((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < arrays.size(); i++) {
                    ps.setArray(i + 1, c.createArrayOf(types.get(i), arrays.get(i)));
                }
                ps.executeUpdate();
            }
        });
        // entities of this table loaded earlier in the transaction must not hide the upserted rows
        em.clear();
    }

    private static Instant at(IncomingEvent e) {
        return e.time() == null ? Instant.now() : e.time().toInstant();
    }

    private static void require(IncomingEvent e, String field, Object value) {
        if (value == null) {
            throw new IncomingEvent.MalformedEventException(e.type() + " without " + field);
        }
    }

    private <T> T read(IncomingEvent e, Class<T> type) {
        try {
            return json.treeToValue(e.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            throw new IncomingEvent.MalformedEventException(e.type() + " data unreadable: " + ex.getMessage());
        }
    }
}
