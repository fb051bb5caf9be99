package org.unionhub.competition.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.competition.award.CompetitionEvents;
import org.unionhub.infra.DevTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * Issue 13, finding 4: judge and chief-judge roles act only in the competition their account is appointed to. A
 * chief judge of X cannot publish, disqualify or confirm in Y; a judge of X sees nothing unpublished of Y.
 */
@QuarkusTest
class AppointmentTest {

    @Inject
    Fixtures fixtures;

    final UUID org = UUID.randomUUID();

    /**
     * A competition in progress with one JUDGEMENT item worth 100 and three judges; two single-contestant teams,
     * marked 8/8/8 and 8/8/4 (the second spread wider than the tolerance of 2 unless {@code ready}).
     */
    class Scene {
        final String id;
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final String[] judges = new String[3];
        final List<String> contestants;
        final List<UUID> members;

        Scene(boolean ready) {
            id = Api.create(org, Api.competitionBody(Api.unique("任命"), 1,
                    List.of(Api.item("HAZARD_SPOTTING", "现场安全隐患排查", 100, 10, "JUDGEMENT", 2)), List.of()));
            Api.advanceTo(org, id, "REGISTRATION");
            members = fixtures.activeMembers(2, "任命选手");
            contestants = List.of(Api.team(org, id, "甲队", "企业甲", "LOCAL", "江苏", members.subList(0, 1)).get(0),
                    Api.team(org, id, "乙队", "企业乙", "CENTRAL", "福建", members.subList(1, 2)).get(0));
            for (int j = 0; j < 3; j++) {
                judges[j] = Api.judge(org, id, "评委" + j, "应急管理部化学品登记中心", List.of("HAZARD_SPOTTING"), account(j));
            }
            Api.advanceTo(org, id, "IN_PROGRESS");
            for (int j = 0; j < 3; j++) {
                Api.score(account(j), id, contestants.get(0), "HAZARD_SPOTTING", judges[j], "8").statusCode(201);
                Api.score(account(j), id, contestants.get(1), "HAZARD_SPOTTING", judges[j], j == 2 && !ready ? "4" : "8").statusCode(201);
            }
        }

        String account(int judge) {
            return "judge" + judge + "-" + tag;
        }

        String judgeToken(int judge) {
            return DevTokens.role("judge", account(judge));
        }
    }

    @Test
    void aChiefJudgeOfAnotherCompetitionCannotPublishItAndNothingIsAwarded() {
        Scene x = new Scene(true);
        Scene y = new Scene(true);
        Map<String, Object> everyoneFirst = Map.of("FIRST", 100000);
        // a chief-judge token appointed nowhere, then the appointed chief judge of X
        Api.publishAs(DevTokens.role("chief-judge"), y.id, everyoneFirst, everyoneFirst).statusCode(403);
        String chiefOfX = "chief-x-" + x.tag;
        Api.appointChief(org, x.id, "甲总裁判长", chiefOfX).statusCode(201);
        Api.publishAs(DevTokens.role("chief-judge", chiefOfX), y.id, everyoneFirst, everyoneFirst).statusCode(403);
        given().get(Api.BASE + "/" + y.id).then().body("status", equalTo("IN_PROGRESS"));
        assertThat(fixtures.outboxCount(UUID.fromString(y.id), CompetitionEvents.AWARD_GRANTED)).isZero();
        assertThat(fixtures.outboxCount(UUID.fromString(y.id), CompetitionEvents.COMPETITION_PUBLISHED)).isZero();
        // Y's own chief judge publishes it, within sane quotas
        Api.publish(y.id, Api.quotas(1, 1, 0), Api.quotas(1, 0, 0)).statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void aChiefJudgeOfAnotherCompetitionCannotConfirmMarksOrDisqualify() {
        Scene x = new Scene(true);
        Scene y = new Scene(false);
        String chiefOfX = "chief-x-" + x.tag;
        Map<String, Object> confirm = Map.of("contestantId", y.contestants.get(1), "itemCode", "HAZARD_SPOTTING", "note", "复核");
        // a chief-judge token appointed nowhere; the appointed chief judge of X; the same with staff of another organization
        refusedToConfirmAndDisqualify(y, confirm, DevTokens.role("chief-judge"));
        Api.appointChief(org, x.id, "甲总裁判长", chiefOfX).statusCode(201);
        refusedToConfirmAndDisqualify(y, confirm, DevTokens.role("chief-judge", chiefOfX));
        refusedToConfirmAndDisqualify(y, confirm,
                DevTokens.token(chiefOfX, Set.of("staff", "chief-judge"), null, UUID.randomUUID(), Duration.ofHours(1)));
        String yChief = Api.chiefToken(y.id);
        given().auth().oauth2(yChief).get(Api.BASE + "/" + y.id + "/marks/flags").then().statusCode(200)
                .body("readyToPublish", equalTo(false));
        given().auth().oauth2(yChief).get(Api.BASE + "/" + y.id + "/teams").then().statusCode(200)
                .body("items.contestants.flatten().disqualified", equalTo(List.of(false, false)));
        // the appointed chief judge of Y does both
        given().auth().oauth2(yChief).contentType(ContentType.JSON).body(confirm)
                .post(Api.BASE + "/" + y.id + "/marks/confirm").then().statusCode(204);
        given().auth().oauth2(yChief).contentType(ContentType.JSON).body(Map.of("reason", "携带违禁通讯设备"))
                .post(Api.BASE + "/" + y.id + "/contestants/" + y.contestants.get(0) + "/disqualify").then().statusCode(200)
                .body("disqualified", equalTo(true));
    }

    /** Mixed roles: disqualify let any token carrying chief-judge skip the staff scope check. */
    @Test
    void staffOfAnotherOrganizationGainsNothingByAlsoCarryingChiefJudge() {
        Scene y = new Scene(true);
        String mixed = DevTokens.token("staff-and-chief-" + y.tag, Set.of("staff", "chief-judge"), null, UUID.randomUUID(),
                Duration.ofHours(1));
        given().auth().oauth2(mixed).contentType(ContentType.JSON).body(Map.of("reason", "无端取消"))
                .post(Api.BASE + "/" + y.id + "/contestants/" + y.contestants.get(0) + "/disqualify").then().statusCode(403);
        assertThat(fixtures.disqualified(UUID.fromString(y.id))).isZero();
        given().auth().oauth2(mixed).get(Api.BASE + "/" + y.id + "/teams").then().statusCode(403);
    }

    private static void refusedToConfirmAndDisqualify(Scene y, Map<String, Object> confirm, String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(confirm)
                .post(Api.BASE + "/" + y.id + "/marks/confirm").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "无端取消"))
                .post(Api.BASE + "/" + y.id + "/contestants/" + y.contestants.get(0) + "/disqualify").then().statusCode(403);
    }

    @Test
    void aJudgeOfAnotherCompetitionSeesNothingUnpublishedAndScoresNothing() {
        Scene x = new Scene(false);
        Scene y = new Scene(false);
        String y0 = Api.BASE + "/" + y.id;
        List<String> unpublished = List.of(y0 + "/teams", y0 + "/judges", y0 + "/marks/flags",
                y0 + "/contestants/" + y.contestants.get(0) + "/scores",
                y0 + "/rankings/individuals", y0 + "/rankings/teams", y0 + "/awards", y0 + "/stats");
        for (String token : List.of(x.judgeToken(0), DevTokens.role("judge"), DevTokens.role("chief-judge"))) {
            for (String path : unpublished) {
                given().auth().oauth2(token).get(path).then()
                        .statusCode(anyOf(is(403), is(404)))
                        .contentType("application/problem+json");
            }
        }
        // a judge of X marking Y, even naming one of Y's judges: refused, nothing written
        Api.score(x.account(0), y.id, y.contestants.get(0), "HAZARD_SPOTTING", y.judges[0], "1").statusCode(403);
        Api.score(x.account(0), y.id, y.contestants.get(0), "HAZARD_SPOTTING", x.judges[0], "1").statusCode(403);
        given().auth().oauth2(y.judgeToken(0)).get(y0 + "/contestants/" + y.contestants.get(0) + "/scores").then().statusCode(200)
                .body("marks.score", equalTo(List.of(8.0f, 8.0f, 8.0f))).body("history", hasSize(3));
        // Y's own judge sees Y's unpublished data
        for (String path : unpublished) {
            given().auth().oauth2(y.judgeToken(1)).get(path).then().statusCode(200);
        }
        given().auth().oauth2(y.judgeToken(1)).get(y0 + "/marks/flags").then()
                .body("items.problem", hasItem("OUT_OF_TOLERANCE"));
    }

    @Test
    void chiefJudgesAreAppointedByTheOrganizersLikeJudges() {
        Scene y = new Scene(true);
        String judges = Api.BASE + "/" + y.id + "/judges";
        Map<String, Object> chief = Map.of("name", "王总裁判", "enterprise", "中国化工教育协会", "role", "CHIEF_JUDGE",
                "account", "chief-wang-" + y.tag);
        for (String token : List.of(DevTokens.staff(UUID.randomUUID()), DevTokens.role("chief-judge", "chief-wang-" + y.tag),
                y.judgeToken(0), DevTokens.member(y.members.get(0)))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(chief).post(judges).then().statusCode(403);
        }
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(chief).post(judges).then().statusCode(201)
                .body("role", equalTo("CHIEF_JUDGE")).body("items", hasSize(0)).body("account", equalTo("chief-wang-" + y.tag));
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(chief).post(judges).then().statusCode(409)
                .body("type", endsWith("/already-appointed"));
        Map<String, Object> chiefWithItems = Map.of("name", "李总裁判", "enterprise", "中国化工教育协会", "role", "CHIEF_JUDGE",
                "items", List.of("HAZARD_SPOTTING"));
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(chiefWithItems).post(judges).then()
                .statusCode(400).body("errors[0].field", equalTo("items"));
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Map.of("name", "评委", "enterprise", "企业丙")).post(judges).then()
                .statusCode(400).body("errors[0].field", equalTo("items"));
        // a chief-judge appointment does not make its account a judge: it cannot mark
        String chiefId = given().auth().oauth2(DevTokens.role("chief-judge", "chief-wang-" + y.tag)).get(judges).then().statusCode(200)
                .extract().path("items.find { it.role == 'CHIEF_JUDGE' }.id");
        Api.score("chief-wang-" + y.tag, y.id, y.contestants.get(0), "HAZARD_SPOTTING", chiefId, "1").statusCode(403);
        // after scoring closes judges can no longer be appointed, a chief judge still can (his work comes now)
        Api.advanceTo(org, y.id, "SCORING_CLOSED");
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Map.of("name", "迟到评委", "enterprise", "企业丙", "items", List.of("HAZARD_SPOTTING"))).post(judges).then()
                .statusCode(409).body("currentStatus", equalTo("SCORING_CLOSED"));
        Api.appointChief(org, y.id, "副总裁判长", "chief-deputy-" + y.tag).statusCode(201);
        Api.publishAs(DevTokens.role("chief-judge", "chief-deputy-" + y.tag), y.id, Api.quotas(1, 0, 0), Api.quotas(1, 0, 0))
                .statusCode(200);
        Api.appointChief(org, y.id, "迟到", "chief-late-" + y.tag).statusCode(409).body("type", endsWith("/already-published"));
    }

    @Test
    void prizeQuotasAreBoundedByTheNumberRanked() {
        Scene y = new Scene(true);
        Map<String, Object> everyoneFirst = Map.of("FIRST", 100000);
        Api.publish(y.id, everyoneFirst, Api.quotas(1, 0, 0)).statusCode(400)
                .body("errors[0].field", equalTo("individualQuotas.FIRST"));
        Api.publish(y.id, Api.quotas(1, 1, 3), Api.quotas(1, 0, 0)).statusCode(400)
                .body("errors[0].field", equalTo("individualQuotas.THIRD"));
        Api.publish(y.id, Api.quotas(2, 0, 0), Api.quotas(0, 3, 0)).statusCode(400)
                .body("errors[0].field", equalTo("teamQuotas.SECOND"));
        given().get(Api.BASE + "/" + y.id).then().body("status", equalTo("IN_PROGRESS"));
        assertThat(fixtures.outboxCount(UUID.fromString(y.id), CompetitionEvents.AWARD_GRANTED)).isZero();
        Api.publish(y.id, Api.quotas(2, 2, 2), Api.quotas(2, 0, 0)).statusCode(200).body("individualPrizes.FIRST", equalTo(2));
    }
}
