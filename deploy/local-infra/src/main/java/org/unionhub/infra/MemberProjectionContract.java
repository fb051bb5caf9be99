package org.unionhub.infra;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What every service that keeps a member projection must do with membership's events, over the
 * real broker and database: a service's {@code @QuarkusTest} extends this class.
 */
public abstract class MemberProjectionContract {

    protected static final String TOPIC = "membership.member.v1";
    protected static final String SOURCE = "/unionhub/membership";

    protected String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    protected void publish(UUID eventId, String verb, UUID member, String status, UUID org, Instant at) throws Exception {
        String data = "{\"memberId\":\"" + member + "\",\"name\":\"快递员小刘\",\"status\":\"" + status
                + "\",\"organizationId\":\"" + org + "\",\"organizationAncestors\":[],\"employmentForm\":\"COURIER\",\"futureField\":1}";
        TopicProbe.sendCloudEvent(bootstrap(), TOPIC, member.toString(), eventId,
                "org.unionhub.membership.member." + verb + ".v1", SOURCE, at.toString(), data);
    }

    /**
     * The name as the projection must hold it: the name sent when the service keeps names
     * ({@code unionhub.membership-projection.member-fields}), else none at all (it never stores it).
     */
    protected String stored(String name) {
        String fields = ConfigProvider.getConfig().getOptionalValue("unionhub.membership-projection.member-fields", String.class)
                .orElse("name,organization_path,employment_form");
        return java.util.Arrays.asList(fields.split("\\s*,\\s*")).contains("name") ? name : "(not stored)";
    }

    /** {@code status|name} of the member's row ({@code (not stored)} for a null name), null when there is none. */
    protected String statusOf(UUID member) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             PreparedStatement ps = c.prepareStatement("SELECT status || '|' || coalesce(name, '(not stored)') FROM member_view WHERE id = ?")) {
            ps.setObject(1, member);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aJoinedMemberAppearsInTheProjectionAndFollowsHisLifeCycle() throws Exception {
        UUID member = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        Instant t = Instant.parse("2023-02-20T08:00:00Z");
        publish(UUID.randomUUID(), "joined", member, "ACTIVE", org, t);
        await().atMost(Duration.ofSeconds(60)).until(() -> ("ACTIVE|" + stored("快递员小刘")).equals(statusOf(member)));
        publish(UUID.randomUUID(), "left", member, "LEFT", org, t.plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> ("LEFT|" + stored("快递员小刘")).equals(statusOf(member)));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        UUID member = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        UUID joined = UUID.randomUUID();
        Instant t = Instant.parse("2023-02-21T08:00:00Z");
        publish(joined, "joined", member, "ACTIVE", org, t);
        publish(UUID.randomUUID(), "suspended", member, "SUSPENDED", org, t.plusSeconds(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> ("SUSPENDED|" + stored("快递员小刘")).equals(statusOf(member)));
        // the broker hands the old "joined" again (same id, a later time so only the inbox can stop it)
        publish(joined, "joined", member, "ACTIVE", org, t.plusSeconds(20));
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID(), "joined", marker, "ACTIVE", org, t);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(marker) != null);
        if (!("SUSPENDED|" + stored("快递员小刘")).equals(statusOf(member))) {
            throw new AssertionError("redelivered event was applied again: " + statusOf(member));
        }
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheConsumerMovesOn() throws Exception {
        UUID bad = UUID.randomUUID();
        TopicProbe.sendCloudEvent(bootstrap(), TOPIC, bad.toString(), UUID.randomUUID(),
                "org.unionhub.membership.member.joined.v1", SOURCE, Instant.now().toString(), "{not json");
        try (TopicProbe dlq = new TopicProbe(bootstrap(), TOPIC + ".dlq")) {
            var record = dlq.await(r -> bad.toString().equals(r.key()), Duration.ofSeconds(60));
            if (TopicProbe.header(record, "dead-letter-reason") == null) {
                throw new AssertionError("dead letter without a reason");
            }
        }
        UUID after = UUID.randomUUID();
        publish(UUID.randomUUID(), "joined", after, "ACTIVE", UUID.randomUUID(), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(after) != null);
    }

    @Test
    void aConsumerDoesNotReplayDeadLettersOfATopicItDoesNotOwn() throws Exception {
        // a record on membership's dead-letter topic, forged or not: only membership-service replays it, and only
        // what matches its own outbox (docs/operations.md, "Dead letters"); a consumer's replay is refused
        UUID member = UUID.randomUUID();
        String data = "{\"memberId\":\"" + member + "\",\"name\":\"重放\",\"status\":\"ACTIVE\",\"organizationId\":\""
                + UUID.randomUUID() + "\",\"organizationAncestors\":[],\"employmentForm\":\"TRUCK_DRIVER\"}";
        TopicProbe.sendCloudEvent(bootstrap(), TOPIC + ".dlq", member.toString(), UUID.randomUUID(),
                "org.unionhub.membership.member.joined.v1", SOURCE, Instant.now().toString(), data);

        io.restassured.RestAssured.given().auth().oauth2(DevTokens.role("admin"))
                .post("/internal/dead-letters/" + TOPIC + "/replay")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("not-topic-owner"));
        io.restassured.RestAssured.given().auth().oauth2(DevTokens.role("member"))
                .post("/internal/dead-letters/" + TOPIC + "/replay")
                .then().statusCode(403);
        // a later event through the normal path: once it is applied the consumer has read past the refusal
        UUID later = UUID.randomUUID();
        publish(UUID.randomUUID(), "joined", later, "ACTIVE", UUID.randomUUID(), Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(later) != null);
        org.junit.jupiter.api.Assertions.assertNull(statusOf(member), "a refused replay applies nothing");
    }
}
