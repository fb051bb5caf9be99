package org.unionhub.venue.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member projection rebuilt from the compacted topic (emptied, read again from the earliest offset)
 * equals the source, including members whose newest record is a card or honor event: those carry the
 * member's snapshot under the same key, and after compaction they may be all that is left of him.
 */
@QuarkusTest
class ProjectionRebuildTest {

    static final String MEMBERS = "membership.member.v1";
    static final String ORGANIZATIONS = "membership.organization.v1";
    static final String SOURCE = "/unionhub/membership";
    final ObjectMapper json = new ObjectMapper();

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String snapshot(UUID member, String name, String status, UUID org, String extra) {
        return "{\"memberId\":\"" + member + "\",\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"organizationId\":\""
                + org + "\",\"organizationAncestors\":[],\"employmentForm\":\"TRUCK_DRIVER\"" + extra + "}";
    }

    static void publish(String type, UUID member, Instant at, String data) throws Exception {
        TopicProbe.sendCloudEvent(bootstrap(), MEMBERS, member.toString(), UUID.randomUUID(), type, SOURCE, at.toString(), data);
    }

    @Test
    void aRebuiltProjectionEqualsTheSourceIncludingMembersWhoseNewestRecordIsACardOrHonorEvent() throws Exception {
        UUID org = UUID.randomUUID();
        String path = "/" + org + "/";
        UUID carded = UUID.randomUUID();   // all compaction left of him: a card event
        UUID honored = UUID.randomUUID();  // joined, then honored (newest)
        UUID left = UUID.randomUUID();     // joined, then left
        Instant t = Instant.parse("2024-05-01T08:00:00Z");
        TopicProbe.sendCloudEvent(bootstrap(), ORGANIZATIONS, org.toString(), UUID.randomUUID(),
                "org.unionhub.membership.organization.created.v1", SOURCE, t.toString(),
                "{\"organizationId\":\"" + org + "\",\"name\":\"顺丰速运工会\",\"type\":\"ENTERPRISE\",\"parentId\":null,\"ancestors\":[]}");
        publish("org.unionhub.membership.card.issued.v1", carded, t,
                snapshot(carded, "持卡会员", "ACTIVE", org, ",\"cardNumber\":\"6200000000000001\""));
        publish("org.unionhub.membership.member.joined.v1", honored, t, snapshot(honored, "王师傅", "PENDING", org, ""));
        publish("org.unionhub.membership.honor.recorded.v1", honored, t.plusSeconds(60),
                snapshot(honored, "王师傅", "ACTIVE", org, ",\"honorKind\":\"MODEL_WORKER\",\"honorTitle\":\"劳动模范\""));
        publish("org.unionhub.membership.member.joined.v1", left, t, snapshot(left, "离会者", "ACTIVE", org, ""));
        publish("org.unionhub.membership.member.left.v1", left, t.plusSeconds(60), snapshot(left, "离会者", "LEFT", org, ""));
        // the live consumer applies card and honor events too
        await().atMost(Duration.ofSeconds(90)).until(() -> ("ACTIVE|" + path).equals(row(carded))
                && ("ACTIVE|" + path).equals(row(honored)) && ("LEFT|" + path).equals(row(left)));

        // a bug wrote wrong rows: rebuild
        execute("UPDATE member_view SET status = 'WRONG' WHERE id = '" + honored + "'");
        execute("DELETE FROM member_view WHERE id = '" + carded + "'");
        execute("DELETE FROM organization_view WHERE id = '" + org + "'");
        given().auth().oauth2(DevTokens.role("admin")).post("/internal/projections/membership/rebuild")
                .then().statusCode(200);

        assertThat(row(carded)).isEqualTo("ACTIVE|" + path);
        assertThat(row(honored)).isEqualTo("ACTIVE|" + path);
        assertThat(row(left)).isEqualTo("LEFT|" + path);
        assertThat(query("SELECT name FROM organization_view WHERE id = '" + org + "'")).isEqualTo("顺丰速运工会");

        // and every member of the topic, not only these: the newest snapshot per key (an event id counts once)
        Map<String, String> source = newestStatusPerMember();
        Map<String, String> projected = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, status FROM member_view")) {
            while (rs.next()) {
                projected.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(projected).containsAllEntriesOf(source);
        assertThat(projected.keySet()).isEqualTo(source.keySet());

        given().auth().oauth2(DevTokens.role("member")).post("/internal/projections/membership/rebuild")
                .then().statusCode(403);
    }

    /** What the compacted topic says of each member: the status of his newest readable snapshot. */
    private Map<String, String> newestStatusPerMember() {
        Map<String, String> status = new HashMap<>();
        Map<String, Instant> newest = new HashMap<>();
        Set<String> seenIds = new HashSet<>();
        try (TopicProbe probe = new TopicProbe(bootstrap(), MEMBERS)) {
            for (int i = 0; i < 20; i++) {
                probe.poll();
            }
            for (ConsumerRecord<String, byte[]> r : probe.seen()) {
                String type = TopicProbe.header(r, "ce_type");
                String id = TopicProbe.header(r, "ce_id");
                if (type == null || id == null || !seenIds.add(id) || !type.matches("org\\.unionhub\\.membership\\.(member|card|honor)\\..*")) {
                    continue;
                }
                JsonNode d;
                try {
                    d = json.readTree(TopicProbe.value(r));
                } catch (Exception unreadable) {
                    continue;
                }
                // what the snapshot's schema requires (venue keeps no names, so a nameless one is valid here)
                if (d == null || !d.hasNonNull("memberId") || !d.hasNonNull("status") || !d.hasNonNull("organizationId")) {
                    continue;
                }
                Instant at = Instant.parse(TopicProbe.header(r, "ce_time"));
                String member = d.get("memberId").asText();
                if (!newest.containsKey(member) || !newest.get(member).isAfter(at)) {
                    newest.put(member, at);
                    status.put(member, d.get("status").asText());
                }
            }
        }
        return status;
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String query(String sql) throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String row(UUID member) throws Exception {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT status || '|' || organization_path FROM member_view WHERE id = ?")) {
            ps.setObject(1, member);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
