package org.unionhub.competition.award;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PublicationTest {

    @Inject
    Fixtures fixtures;

    final UUID org = UUID.randomUUID();

    /** One MEASUREMENT item worth 100: contestant i scores theory[i]; teams of teamSize in order. */
    class Small {
        final String id;
        final List<UUID> members;
        final List<String> contestants = new ArrayList<>();
        final String account = "marker-" + UUID.randomUUID();
        final String judge;

        Small(int teamSize, List<UUID> members, String... theory) {
            this.members = members;
            id = Api.create(org, Api.competitionBody(Api.unique("发布"), teamSize,
                    List.of(Api.item("THEORY", "理论知识", 100, 100, "MEASUREMENT", null)), List.of()));
            Api.advanceTo(org, id, "REGISTRATION");
            for (int t = 0; t < members.size() / teamSize; t++) {
                contestants.addAll(Api.team(org, id, "队" + t, "企业" + t, t % 2 == 0 ? "CENTRAL" : "LOCAL", "省" + t,
                        members.subList(t * teamSize, (t + 1) * teamSize)));
            }
            judge = Api.judge(org, id, "阅卷组", "中国化工教育协会", List.of("THEORY"), account);
            Api.advanceTo(org, id, "IN_PROGRESS");
            for (int i = 0; i < theory.length; i++) {
                Api.score(account, id, contestants.get(i), "THEORY", judge, theory[i]).statusCode(201);
            }
        }

        Small(int teamSize, String... theory) {
            this(teamSize, fixtures.activeMembers(theory.length, "发布选手"), theory);
        }
    }

    @Test
    void contestantsTiedAtAQuotasEdgeAllReceiveTheHigherPrize() {
        Small s = new Small(1, "95", "90", "88", "88", "70");
        Api.publish(s.id, Api.quotas(3, 1, 1), Api.quotas(1, 0, 0)).statusCode(200)
                .body("individualPrizes.FIRST", equalTo(4))
                .body("individualPrizes.SECOND", equalTo(0))
                .body("individualPrizes.THIRD", equalTo(1))
                .body("teamPrizes.FIRST", equalTo(1))
                .body("rankedContestants", equalTo(5));
        given().get(Api.BASE + "/" + s.id + "/rankings/individuals").then().statusCode(200)
                .body("items.rank", equalTo(List.of(1, 2, 3, 3, 5)))
                .body("items.prize", equalTo(List.of("FIRST", "FIRST", "FIRST", "FIRST", "THIRD")))
                .body("items[0].total", equalTo(95.0f))
                .body("items[0].itemScores.THEORY", equalTo(95.0f));
        given().get(Api.BASE + "/" + s.id + "/awards").then().statusCode(200)
                .body("items.findAll { it.category == 'INDIVIDUAL' }", hasSize(5))
                .body("items.findAll { it.category == 'TEAM' }", hasSize(1))
                .body("nomination.memberId", equalTo(s.members.get(0).toString()))
                .body("nomination.medal", equalTo("NATIONAL_MAY_FIRST_LABOUR_MEDAL"));
    }

    @Test
    void publishingIsIdempotentEvenWhenRepeatedConcurrently() throws Exception {
        Small s = new Small(1, "91", "92", "93", "94");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> publishedAt = new ArrayList<>();
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> Api.publish(s.id, Api.quotas(2, 0, 0), Api.quotas(1, 0, 0)).statusCode(200).extract().path("publishedAt"));
            }
            for (Future<String> f : pool.invokeAll(calls)) {
                publishedAt.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(publishedAt).hasSize(6).containsOnly(publishedAt.get(0));
        UUID competition = UUID.fromString(s.id);
        // 2 individual FIRST + 1 team FIRST, one medal, one publication: once each
        assertThat(fixtures.outboxCount(competition, CompetitionEvents.AWARD_GRANTED)).isEqualTo(3);
        assertThat(fixtures.outboxCount(competition, CompetitionEvents.MEDAL_NOMINATED)).isEqualTo(1);
        assertThat(fixtures.outboxCount(competition, CompetitionEvents.COMPETITION_PUBLISHED)).isEqualTo(1);
        Api.publish(s.id, Api.quotas(3, 0, 0), Api.quotas(1, 0, 0))
                .statusCode(409).body("type", endsWith("/already-published"));
        Api.publish(s.id, Api.quotas(2, 0, 0), Api.quotas(1, 0, 0)).statusCode(200).body("publishedAt", equalTo(publishedAt.get(0)));
        assertThat(fixtures.outboxCount(competition, CompetitionEvents.AWARD_GRANTED)).isEqualTo(3);
    }

    @Test
    void rankingsAndAwardsArePublicOnlyAfterPublication() {
        Small s = new Small(1, "80", "70");
        String rankings = Api.BASE + "/" + s.id + "/rankings/individuals";
        // without a token: sign in first; signed in but outside the competition: not published
        given().get(rankings).then().statusCode(401);
        given().get(Api.BASE + "/" + s.id + "/rankings/teams").then().statusCode(401);
        given().get(Api.BASE + "/" + s.id + "/awards").then().statusCode(401);
        given().auth().oauth2(DevTokens.member(s.members.get(0))).get(rankings).then().statusCode(404).body("type", endsWith("/not-published"));
        given().auth().oauth2(DevTokens.member(s.members.get(0))).get(Api.BASE + "/" + s.id + "/awards").then().statusCode(404);
        given().auth().oauth2(DevTokens.staff(org)).get(rankings).then().statusCode(200).body("items", hasSize(2))
                .body("items[0].prize", nullValue());
        given().auth().oauth2(Api.chiefToken(s.id)).get(rankings).then().statusCode(200);
        Api.publish(s.id, Api.quotas(1, 0, 0), Api.quotas(0, 0, 0)).statusCode(200);
        given().get(rankings).then().statusCode(200).body("items", hasSize(2)).body("items[0].prize", equalTo("FIRST"));
        given().get(Api.BASE + "/" + s.id + "/rankings/teams").then().statusCode(200).body("items", hasSize(2));
        given().get(Api.BASE + "/" + s.id + "/awards").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void onlyTheChiefJudgePublishesAndQuotasAreChecked() {
        Small s = new Small(1, "80");
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Map.of("individualQuotas", Api.quotas(1, 0, 0), "teamQuotas", Api.quotas(1, 0, 0)))
                .post(Api.BASE + "/" + s.id + "/publish").then().statusCode(403);
        given().auth().oauth2(DevTokens.role("judge", s.account)).contentType(ContentType.JSON)
                .body(Map.of("individualQuotas", Api.quotas(1, 0, 0), "teamQuotas", Api.quotas(1, 0, 0)))
                .post(Api.BASE + "/" + s.id + "/publish").then().statusCode(403);
        Api.publish(s.id, Api.quotas(-1, 0, 0), Api.quotas(1, 0, 0)).statusCode(400);
        given().auth().oauth2(Api.chiefToken(s.id)).contentType(ContentType.JSON)
                .body(Map.of("individualQuotas", Api.quotas(1, 0, 0)))
                .post(Api.BASE + "/" + s.id + "/publish").then().statusCode(400).body("errors[0].field", equalTo("teamQuotas"));
    }

    @Test
    void aDisqualifiedContestantLeavesTheRankingsAndTheMedalIsNotPassedDown() {
        // team 0: 99 and 80, team 1: 90 and 85
        Small s = new Small(2, "99", "80", "90", "85");
        String best = s.contestants.get(0);
        given().auth().oauth2(Api.chiefToken(s.id)).contentType(ContentType.JSON).body(Map.of("reason", "携带违禁通讯设备"))
                .post(Api.BASE + "/" + s.id + "/contestants/" + best + "/disqualify").then().statusCode(200)
                .body("disqualified", equalTo(true));
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post(Api.BASE + "/" + s.id + "/contestants/" + best + "/disqualify").then().statusCode(409);
        given().auth().oauth2(DevTokens.staff(org)).get(Api.BASE + "/" + s.id + "/rankings/individuals").then()
                .body("items.contestantId", not(hasItem(best)))
                .body("items.total", equalTo(List.of(90.0f, 85.0f, 80.0f)))
                .body("items[0].rank", equalTo(1));
        given().auth().oauth2(DevTokens.staff(org)).get(Api.BASE + "/" + s.id + "/rankings/teams").then()
                .body("items", hasSize(1)).body("items[0].score", equalTo(87.5f));
        Api.publish(s.id, Api.quotas(1, 1, 0), Api.quotas(1, 0, 0)).statusCode(200)
                .body("nomination", nullValue())
                .body("nominationNote", containsString("disqualified"))
                .body("nominationNote", containsString("携带违禁通讯设备"));
        assertThat(fixtures.outboxCount(UUID.fromString(s.id), CompetitionEvents.MEDAL_NOMINATED)).isZero();
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(Map.of("reason", "late"))
                .post(Api.BASE + "/" + s.id + "/contestants/" + s.contestants.get(1) + "/disqualify").then()
                .statusCode(409).body("currentStatus", equalTo("PUBLISHED"));
        given().auth().oauth2(DevTokens.member(s.members.get(0))).get("/api/v1/members/" + s.members.get(0) + "/competition-results")
                .then().statusCode(200)
                .body("items[0].disqualified", equalTo(true)).body("items[0].rank", nullValue()).body("items[0].prizes", hasSize(0));
    }

    @Test
    void aFirstWhoLeftTheUnionIsNotNominatedAndNobodyElseIs() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        UUID member = UUID.randomUUID();
        UUID memberOrg = UUID.randomUUID();
        String data = "{\"memberId\":\"" + member + "\",\"name\":\"李强\",\"status\":\"%s\",\"organizationId\":\"" + memberOrg
                + "\",\"organizationAncestors\":[],\"employmentForm\":\"EMPLOYEE\"}";
        Instant t = Instant.now();
        TopicProbe.sendCloudEvent(bootstrap, "membership.member.v1", member.toString(), UUID.randomUUID(),
                "org.unionhub.membership.member.joined.v1", "/unionhub/membership", t.toString(), data.formatted("ACTIVE"));
        await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.organizationOfOrNull(member) != null);
        List<UUID> members = new ArrayList<>(List.of(member));
        members.addAll(fixtures.activeMembers(1, "亚军"));
        Small s = new Small(1, members, "97", "93");
        TopicProbe.sendCloudEvent(bootstrap, "membership.member.v1", member.toString(), UUID.randomUUID(),
                "org.unionhub.membership.member.left.v1", "/unionhub/membership", t.plusSeconds(60).toString(), data.formatted("LEFT"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "LEFT".equals(fixtures.statusOf(member)));
        Api.publish(s.id, Api.quotas(1, 0, 0), Api.quotas(0, 0, 0)).statusCode(200)
                .body("nomination", nullValue())
                .body("nominationNote", containsString("not an active union member"));
    }

    @Test
    void aMemberSeesHisOwnPublishedResultsOnly() {
        Small s = new Small(1, "96", "90");
        UUID winner = s.members.get(0);
        String path = "/api/v1/members/" + winner + "/competition-results";
        given().auth().oauth2(DevTokens.member(winner)).get(path).then().statusCode(200).body("items", hasSize(0));
        Api.publish(s.id, Api.quotas(1, 1, 0), Api.quotas(1, 0, 0)).statusCode(200);
        given().auth().oauth2(DevTokens.member(winner)).get(path).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].competitionId", equalTo(s.id))
                .body("items[0].rank", equalTo(1))
                .body("items[0].total", equalTo(96.0f))
                .body("items[0].prizes.prize", equalTo(List.of("FIRST", "FIRST")))
                .body("items[0].prizes.category", equalTo(List.of("INDIVIDUAL", "TEAM")))
                .body("items[0].medalNomination", equalTo("NATIONAL_MAY_FIRST_LABOUR_MEDAL"));
        given().auth().oauth2(DevTokens.member(s.members.get(1))).get(path).then().statusCode(403);
        given().auth().oauth2(DevTokens.staff(UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(DevTokens.staff(fixtures.organizationOf(winner))).get(path).then().statusCode(200);
        given().get(path).then().statusCode(401);
    }
}
