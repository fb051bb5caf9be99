package org.unionhub.membership.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.membership.TestData;
import org.unionhub.platform.projection.MemberSnapshot;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.MembershipFeed;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every life-cycle change reaches membership.member.v1 over the real broker, in order, readable as the
 * platform's MemberSnapshot; fed through the platform's MembershipFeed (what venue, assistance and
 * competition run), the projection ends with the member LEFT and not active.
 */
@QuarkusTest
class MemberLifeCycleEventsTest {

    @Inject
    MembershipFeed feed;

    final ObjectMapper json = new ObjectMapper();

    static void act(String token, String id, String action, String body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/members/" + id + "/" + action)
                .then().statusCode(200);
    }

    @Test
    void everyLifeCycleEventIsPublishedAndAProjectionFollowsItToLeft() throws Exception {
        TestData.Tree a = TestData.tree();
        TestData.Tree b = TestData.tree();
        String idNumber = TestData.idNumber();
        String phone = TestData.phone();
        String id = given().auth().oauth2(DevTokens.role("member")).contentType(ContentType.JSON)
                .body(TestData.joinBody("外卖骑手老陈", idNumber, phone, "FOOD_DELIVERY", a.leaf(), "ONLINE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        String staff = DevTokens.staff(a.province());
        act(staff, id, "approve", "{}");
        given().auth().oauth2(staff).post("/api/v1/members/" + id + "/cards").then().statusCode(201);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"kind\":\"CRAFTSMAN\",\"title\":\"辽宁工匠\"}")
                .post("/api/v1/members/" + id + "/honors").then().statusCode(201);
        act(staff, id, "suspend", "{}");
        act(staff, id, "reinstate", "{}");
        // between two trees: only an admin (or staff above both) moves a member across subtrees
        act(TestData.admin(), id, "transfer", "{\"toOrganizationId\":\"" + b.county() + "\"}");
        act(DevTokens.staff(b.county()), id, "leave", "{\"reason\":\"离开本地\"}");

        List<String> expected = List.of("member.joined", "member.approved", "card.issued", "honor.recorded", "member.suspended",
                "member.reinstated", "member.transferred", "member.left");
        List<ConsumerRecord<String, byte[]>> records;
        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                MemberEvents.TOPIC)) {
            records = probe.awaitCount(r -> id.equals(r.key()), expected.size(), Duration.ofSeconds(90));
        }
        assertThat(records.stream().map(r -> TopicProbe.header(r, "ce_type")).toList())
                .containsExactlyElementsOf(expected.stream().map(t -> "org.unionhub.membership." + t + ".v1").toList());
        for (ConsumerRecord<String, byte[]> r : records) {
            String raw = TopicProbe.value(r);
            assertThat(raw).doesNotContain(idNumber).doesNotContain(phone);
            // not even the masked phone's last four digits, in any text of the event; ids and times are random
            // digits that may hold them by chance (a CI rehearsal met "0903" inside a member id)
            assertThat(texts(json.readTree(r.value()))).noneMatch(t -> t.contains(phone.substring(7)));
            assertThat(texts(json.readTree(r.value()))).as("the texts read from the event").contains("memberId");
            MemberSnapshot s = json.readerFor(MemberSnapshot.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(r.value());
            assertThat(s.memberId().toString()).isEqualTo(id);
            assertThat(s.employmentForm()).isEqualTo("FOOD_DELIVERY");
        }
        MemberSnapshot last = json.readerFor(MemberSnapshot.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(records.get(records.size() - 1).value());
        assertThat(last.status()).isEqualTo("LEFT");
        assertThat(last.organizationId()).isEqualTo(b.county());
        assertThat(last.organizationAncestors()).containsExactly(b.province(), b.city());

        String consumer = "projection-contract-" + UUID.randomUUID();
        List<String> statuses = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            feed.onMemberRecord(consumer, r, e -> { });
            statuses.add(QuarkusTransaction.requiringNew().call(() -> MemberView.<MemberView>findById(UUID.fromString(id)).status));
        }
        assertThat(statuses).containsExactly("PENDING", "ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED", "ACTIVE", "ACTIVE", "LEFT");
        MemberView view = QuarkusTransaction.requiringNew().call(() -> MemberView.findById(UUID.fromString(id)));
        assertThat(view.isActive()).isFalse();
        assertThat(view.belongsUnder(b.province())).isTrue();
        assertThat(view.belongsUnder(a.province())).isFalse();
    }

    /** Every text and number of an event's data and every field name, except ids, dates and times. */
    static List<String> texts(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> texts = new java.util.ArrayList<>();
        if (node.isValueNode()) {
            String t = node.asText();
            if (!t.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") && !t.matches("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?")) {
                texts.add(t);
            }
        }
        node.fieldNames().forEachRemaining(texts::add);
        node.elements().forEachRemaining(child -> texts.addAll(texts(child)));
        return texts;
    }
}
