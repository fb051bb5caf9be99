package org.unionhub.membership.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.KafkaBroker;
import org.unionhub.infra.TestInfrastructure;
import org.unionhub.infra.TopicProbe;
import org.unionhub.membership.TestData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MemberJoinedEventTest {

    final ObjectMapper json = new ObjectMapper();
    TestData.Tree tree;
    UUID org;

    @BeforeEach
    void organization() {
        tree = TestData.tree();
        org = tree.leaf();
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    String body(String name, String idNumber, String phone) {
        return TestData.joinBody(name, idNumber, phone, "TRUCK_DRIVER", org, "ON_SITE");
    }

    String join(String name) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(body(name, TestData.idNumber(), TestData.phone()))
                .post("/api/v1/members")
                .then().statusCode(201).header("Location", notNullValue())
                .extract().path("id");
    }

    @Test
    void joiningPublishesACloudEventKeyedByMemberWithChineseNameIntactAndNoPersonalIdentifiers() throws Exception {
        String idNumber = TestData.idNumber();
        String phone = TestData.phone();
        String id = given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(body("王师傅", idNumber, phone)).post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
        try (TopicProbe probe = new TopicProbe(bootstrap(), MemberEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> r = probe.await(rec -> id.equals(rec.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(r, "ce_type")).isEqualTo("org.unionhub.membership.member.joined.v1");
            assertThat(TopicProbe.header(r, "ce_source")).isEqualTo("/unionhub/membership");
            assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(id);
            assertThat(UUID.fromString(TopicProbe.header(r, "ce_id"))).isNotNull();
            JsonNode data = json.readTree(r.value());
            assertThat(data.get("memberId").asText()).isEqualTo(id);
            assertThat(data.get("name").asText()).isEqualTo("王师傅");
            assertThat(data.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(data.get("organizationId").asText()).isEqualTo(org.toString());
            assertThat(data.get("employmentForm").asText()).isEqualTo("TRUCK_DRIVER");
            assertThat(data.get("organizationAncestors").toString())
                    .isEqualTo("[\"" + tree.province() + "\",\"" + tree.city() + "\",\"" + tree.county() + "\"]");
            String raw = TopicProbe.value(r);
            assertThat(raw).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14)).doesNotContain(phone);
        }
    }

    @Test
    void membersCreatedWhileTheBrokerIsDownAreAllDeliveredAfterItReturns() throws Exception {
        KafkaBroker broker = TestInfrastructure.embeddedBroker();
        Assumptions.assumeTrue(broker != null, "needs the embedded broker to stop it");
        List<String> ids = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(join("停机会员" + i));
            }
        } finally {
            broker.start();
        }
        try (TopicProbe probe = new TopicProbe(bootstrap(), MemberEvents.TOPIC)) {
            probe.awaitCount(r -> ids.contains(r.key()), ids.size(), Duration.ofSeconds(90));
        }
    }

    @Test
    void missingNameIsA400ThatNamesTheField() {
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(body("x", TestData.idNumber(), TestData.phone()).replace("\"name\":\"x\",", ""))
                .post("/api/v1/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("status", equalTo(400));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/api/v1/members")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401Problem() {
        given().contentType(ContentType.JSON).body(body("x", TestData.idNumber(), TestData.phone()))
                .post("/api/v1/members")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstMemberAndCreatesNoOther() {
        String key = UUID.randomUUID().toString();
        String body = body("李四", TestData.idNumber(), TestData.phone());
        String first = given().auth().oauth2(DevTokens.staff(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(DevTokens.staff(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
        given().auth().oauth2(DevTokens.staff(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body("张三", TestData.idNumber(), TestData.phone())).post("/api/v1/members")
                .then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/idempotency-key-reused"));
    }
}
