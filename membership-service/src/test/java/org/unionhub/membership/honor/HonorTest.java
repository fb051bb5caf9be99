package org.unionhub.membership.honor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.membership.TestData;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class HonorTest {

    static final String TOPIC = "competition.v1";
    static final String SOURCE = "/unionhub/competition";

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static int honors(String member) {
        return given().auth().oauth2(DevTokens.member(UUID.fromString(member))).get("/api/v1/members/" + member + "/honors")
                .then().statusCode(200).extract().path("items.size()");
    }

    static void award(UUID eventId, UUID awardId, UUID competition, String member) throws Exception {
        String data = "{\"awardId\":\"" + awardId + "\",\"competitionId\":\"" + competition + "\",\"competitionName\":\"全国化工行业职业技能竞赛\","
                + "\"memberId\":\"" + member + "\",\"category\":\"INDIVIDUAL\",\"prize\":\"FIRST\",\"rank\":1,"
                + "\"publishedAt\":\"2023-02-22T08:00:00Z\",\"futureField\":true}";
        TopicProbe.sendCloudEvent(bootstrap(), TOPIC, competition.toString(), eventId, "org.unionhub.competition.award.granted.v1",
                SOURCE, Instant.now().toString(), data);
    }

    @Test
    void staffRecordHonorsAndMembersSeeTheirOwn() {
        TestData.Tree t = TestData.tree();
        String member = TestData.activeMember(t.leaf(), "EMPLOYEE");
        given().auth().oauth2(DevTokens.staff(t.county())).contentType(ContentType.JSON)
                .body("{\"kind\":\"MODEL_WORKER\",\"title\":\"葫芦岛市劳动模范\",\"awardedOn\":\"2023-04-28\"}")
                .post("/api/v1/members/" + member + "/honors").then().statusCode(201).body("source", equalTo("STAFF"));
        given().auth().oauth2(DevTokens.staff(t.county())).contentType(ContentType.JSON)
                .body("{\"kind\":\"COMPETITION_PRIZE\",\"title\":\"假的\"}")
                .post("/api/v1/members/" + member + "/honors").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(DevTokens.member(UUID.fromString(member))).contentType(ContentType.JSON)
                .body("{\"kind\":\"MODEL_WORKER\",\"title\":\"自封劳模\"}")
                .post("/api/v1/members/" + member + "/honors").then().statusCode(403);
        given().auth().oauth2(DevTokens.member(UUID.fromString(member))).get("/api/v1/members/" + member + "/honors")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].title", equalTo("葫芦岛市劳动模范"))
                .body("items[0].awardedOn", equalTo("2023-04-28"));
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).get("/api/v1/members/" + member + "/honors").then().statusCode(403);
    }

    @Test
    void aPrizeAndAMedalNominationFromCompetitionBecomeHonorsOnceEach() throws Exception {
        TestData.Tree t = TestData.tree();
        String member = TestData.activeMember(t.leaf(), "EMPLOYEE");
        UUID competition = UUID.randomUUID();
        UUID awardEvent = UUID.randomUUID();
        UUID awardId = UUID.randomUUID();
        award(awardEvent, awardId, competition, member);
        String nomination = "{\"nominationId\":\"" + UUID.randomUUID() + "\",\"competitionId\":\"" + competition
                + "\",\"competitionName\":\"全国化工行业职业技能竞赛\",\"memberId\":\"" + member
                + "\",\"medal\":\"NATIONAL_MAY_FIRST_LABOUR_MEDAL\",\"rank\":1,\"total\":132,\"nominatedAt\":\"2023-02-23T02:00:00Z\"}";
        TopicProbe.sendCloudEvent(bootstrap(), TOPIC, competition.toString(), UUID.randomUUID(),
                "org.unionhub.competition.medal.nominated.v1", SOURCE, Instant.now().toString(), nomination);
        await().atMost(Duration.ofSeconds(60)).until(() -> honors(member) == 2);
        given().auth().oauth2(DevTokens.member(UUID.fromString(member))).get("/api/v1/members/" + member + "/honors").then()
                .body("items.find { it.kind == 'COMPETITION_PRIZE' }.title", equalTo("全国化工行业职业技能竞赛 个人一等奖"))
                .body("items.find { it.kind == 'COMPETITION_PRIZE' }.prize", equalTo("FIRST"))
                .body("items.find { it.kind == 'COMPETITION_PRIZE' }.awardedOn", equalTo("2023-02-22"))
                .body("items.find { it.kind == 'MEDAL_NOMINATION' }.medal", equalTo("NATIONAL_MAY_FIRST_LABOUR_MEDAL"))
                .body("items.find { it.kind == 'MEDAL_NOMINATION' }.total", equalTo(132))
                .body("items.find { it.kind == 'MEDAL_NOMINATION' }.title", equalTo("全国五一劳动奖章推荐人选（全国化工行业职业技能竞赛）"));

        // the broker redelivers the same event; the competition service re-publishes the same award under a new id
        award(awardEvent, awardId, competition, member);
        award(UUID.randomUUID(), awardId, competition, member);
        // a marker event for another member: once it is applied, the ones before it were too
        String marker = TestData.activeMember(t.leaf(), "EMPLOYEE");
        award(UUID.randomUUID(), UUID.randomUUID(), competition, marker);
        await().atMost(Duration.ofSeconds(60)).until(() -> honors(marker) == 1);
        org.assertj.core.api.Assertions.assertThat(honors(member)).isEqualTo(2);
    }

    @Test
    void anEventForAnUnknownMemberGoesToTheDeadLetterTopic() throws Exception {
        UUID competition = UUID.randomUUID();
        award(UUID.randomUUID(), UUID.randomUUID(), competition, UUID.randomUUID().toString());
        try (TopicProbe dlq = new TopicProbe(bootstrap(), TOPIC + ".dlq")) {
            dlq.await(r -> competition.toString().equals(r.key()), Duration.ofSeconds(60));
        }
    }
}
