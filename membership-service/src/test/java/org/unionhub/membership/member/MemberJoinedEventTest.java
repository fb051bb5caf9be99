package org.unionhub.membership.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.KafkaBroker;
import org.unionhub.infra.TestInfrastructure;
import org.unionhub.infra.TopicProbe;

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

    static final UUID ORG = UUID.randomUUID();
    final ObjectMapper json = new ObjectMapper();

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String join(String name) {
        return given().auth().oauth2(DevTokens.staff(ORG)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"organizationId\":\"" + ORG + "\"}")
                .post("/api/v1/members")
                .then().statusCode(201).header("Location", notNullValue())
                .extract().path("id");
    }

    @Test
    void joiningPublishesACloudEventKeyedByMemberWithChineseNameIntact() throws Exception {
        String id = join("王师傅");
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
            assertThat(data.get("organizationId").asText()).isEqualTo(ORG.toString());
        }
    }

    @Test
    void membersCreatedWhileTheBrokerIsDownAreAllDeliveredAfterItReturns() throws Exception {
        KafkaBroker broker = TestInfrastructure.embeddedBroker();
        org.junit.jupiter.api.Assumptions.assumeTrue(broker != null, "needs the embedded broker to stop it");
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
        given().auth().oauth2(DevTokens.staff(ORG)).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + ORG + "\"}")
                .post("/api/v1/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("status", equalTo(400));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(DevTokens.staff(ORG)).contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/api/v1/members")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401Problem() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"organizationId\":\"" + ORG + "\"}")
                .post("/api/v1/members")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstMemberAndCreatesNoOther() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"李四\",\"organizationId\":\"" + ORG + "\"}";
        String first = given().auth().oauth2(DevTokens.staff(ORG)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(DevTokens.staff(ORG)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
        given().auth().oauth2(DevTokens.staff(ORG)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\":\"张三\",\"organizationId\":\"" + ORG + "\"}").post("/api/v1/members")
                .then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/idempotency-key-reused"));
    }
}
