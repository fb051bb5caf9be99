package org.unionhub.competition.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.infra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class JudgingTest {

    @Inject
    Fixtures fixtures;

    final UUID org = UUID.randomUUID();

    /** A competition in progress: two single-contestant teams (中国石化, 万华化学) and four judges. */
    class Scene {
        final String id;
        final String sinopecContestant;
        final String wanhuaContestant;
        final String theoryJudge;
        final String sinopecJudge;
        final String[] hazardJudges = new String[3];
        final String tag = UUID.randomUUID().toString().substring(0, 8);

        Scene() {
            id = Api.create(org, Api.competitionBody(Api.unique("评分"), 1, Api.chemicalItems(), List.of()));
            Api.advanceTo(org, id, "REGISTRATION");
            List<UUID> m = fixtures.activeMembers(2, "评分选手");
            sinopecContestant = Api.team(org, id, "石化队", "中国石化", "CENTRAL", "福建", m.subList(0, 1)).get(0);
            wanhuaContestant = Api.team(org, id, "万华队", "万华化学", "LOCAL", "山东", m.subList(1, 2)).get(0);
            theoryJudge = Api.judge(org, id, "阅卷组", "中国化工教育协会", List.of("THEORY", "VR_SIMULATION"), "theory-" + tag);
            sinopecJudge = Api.judge(org, id, "石化专家", "中国石化", List.of("HAZARD_SPOTTING"), "sinopec-" + tag);
            for (int i = 0; i < 3; i++) {
                hazardJudges[i] = Api.judge(org, id, "安全专家" + i, "应急管理部化学品登记中心", List.of("HAZARD_SPOTTING"), "hazard" + i + "-" + tag);
            }
            Api.advanceTo(org, id, "IN_PROGRESS");
        }

        io.restassured.response.ValidatableResponse hazard(int judge, String contestant, String score) {
            return Api.score("hazard" + judge + "-" + tag, id, contestant, "HAZARD_SPOTTING", hazardJudges[judge], score);
        }

        void completeMeasurements(String contestant) {
            Api.score("theory-" + tag, id, contestant, "THEORY", theoryJudge, "80").statusCode(201);
            Api.score("theory-" + tag, id, contestant, "VR_SIMULATION", theoryJudge, "75").statusCode(201);
        }
    }

    @Test
    void aJudgeNeverScoresAContestantOfHisOwnEnterprise() {
        Scene s = new Scene();
        Api.score("sinopec-" + s.tag, s.id, s.sinopecContestant, "HAZARD_SPOTTING", s.sinopecJudge, "8")
                .statusCode(422).contentType("application/problem+json").body("type", endsWith("/judge-same-enterprise"));
        Api.score("sinopec-" + s.tag, s.id, s.wanhuaContestant, "HAZARD_SPOTTING", s.sinopecJudge, "8").statusCode(201);
    }

    @Test
    void aJudgeScoresOnlyHisAssignedItemsAndOnlyAsHimself() {
        Scene s = new Scene();
        Api.score("hazard0-" + s.tag, s.id, s.wanhuaContestant, "THEORY", s.hazardJudges[0], "80")
                .statusCode(403).body("detail", containsString("not assigned"));
        Api.score("hazard1-" + s.tag, s.id, s.wanhuaContestant, "HAZARD_SPOTTING", s.hazardJudges[0], "8").statusCode(403);
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Map.of("contestantId", s.wanhuaContestant, "itemCode", "HAZARD_SPOTTING", "judgeId", s.hazardJudges[0], "score", 8))
                .post(Api.BASE + "/" + s.id + "/scores").then().statusCode(403);
    }

    @Test
    void scoresStayBetweenZeroAndTheItemsMaximum() {
        Scene s = new Scene();
        s.hazard(0, s.wanhuaContestant, "10.5").statusCode(400).body("errors[0].field", equalTo("score"));
        s.hazard(0, s.wanhuaContestant, "-1").statusCode(400).body("errors[0].field", equalTo("score"));
        s.hazard(0, s.wanhuaContestant, "8.125").statusCode(400).body("errors[0].field", equalTo("score"));
        s.hazard(0, s.wanhuaContestant, "10").statusCode(201);
        s.hazard(1, s.wanhuaContestant, "0").statusCode(201);
    }

    @Test
    void scoresAreEnteredOnlyWhileTheCompetitionIsInProgress() {
        String id = Api.create(org, Api.competitionBody(Api.unique("未开赛"), 1, Api.chemicalItems(), List.of()));
        Api.advanceTo(org, id, "REGISTRATION");
        String contestant = Api.team(org, id, "队", "企业甲", "LOCAL", "江苏", fixtures.activeMembers(1, "早")).get(0);
        String account = "early-" + UUID.randomUUID();
        String judge = Api.judge(org, id, "评委", "企业乙", List.of("THEORY"), account);
        Api.score(account, id, contestant, "THEORY", judge, "80").statusCode(409).body("type", endsWith("/scoring-not-open"));
        Api.advanceTo(org, id, "IN_PROGRESS");
        Api.score(account, id, contestant, "THEORY", judge, "80").statusCode(201);
        Api.advanceTo(org, id, "SCORING_CLOSED");
        Api.score(account, id, contestant, "THEORY", judge, "81").statusCode(409).body("currentStatus", equalTo("SCORING_CLOSED"));
    }

    @Test
    void aCorrectionReplacesTheScoreAndKeepsWhoWhenOldAndNew() {
        Scene s = new Scene();
        s.hazard(0, s.wanhuaContestant, "7").statusCode(201).body("corrected", equalTo(false)).body("previousScore", nullValue());
        s.hazard(0, s.wanhuaContestant, "7.5").statusCode(200).body("corrected", equalTo(true)).body("previousScore", equalTo(7.0f));
        given().auth().oauth2(Api.chiefToken(s.id)).get(Api.BASE + "/" + s.id + "/contestants/" + s.wanhuaContestant + "/scores")
                .then().statusCode(200)
                .body("marks", hasSize(1))
                .body("marks[0].score", equalTo(7.5f))
                .body("history", hasSize(2))
                .body("history[0].oldScore", nullValue())
                .body("history[1].oldScore", equalTo(7.0f))
                .body("history[1].newScore", equalTo(7.5f))
                .body("history[1].changedBy", equalTo("hazard0-" + s.tag))
                .body("history[1].changedAt", notNullValue());
    }

    @Test
    void aMeasurementItemTakesASingleObjectiveScore() {
        Scene s = new Scene();
        String second = Api.judge(org, s.id, "第二阅卷人", "中国化工教育协会", List.of("THEORY"), "second-" + s.tag);
        Api.score("theory-" + s.tag, s.id, s.wanhuaContestant, "THEORY", s.theoryJudge, "80").statusCode(201);
        Api.score("second-" + s.tag, s.id, s.wanhuaContestant, "THEORY", second, "82")
                .statusCode(409).body("type", endsWith("/measurement-already-scored"));
    }

    @Test
    void aJudgementItemNeedsThreeJudgesAndMarksSpreadTooWideBlockPublishingUntilTheChiefJudgeConfirms() {
        Scene s = new Scene();
        s.completeMeasurements(s.wanhuaContestant);
        s.completeMeasurements(s.sinopecContestant);
        for (String c : List.of(s.wanhuaContestant, s.sinopecContestant)) {
            s.hazard(0, c, "8").statusCode(201);
            s.hazard(1, c, "8").statusCode(201);
        }
        Api.publish(s.id, Api.quotas(1, 0, 0), Api.quotas(1, 0, 0))
                .statusCode(422).body("type", endsWith("/publication-blocked")).body("blockers.problem", hasItem("TOO_FEW_JUDGES"));
        s.hazard(2, s.sinopecContestant, "7").statusCode(201);
        // 8, 8, 4.5: spread 3.5 > tolerance 2
        s.hazard(2, s.wanhuaContestant, "4.5").statusCode(201);
        Api.publish(s.id, Api.quotas(1, 0, 0), Api.quotas(1, 0, 0))
                .statusCode(422).body("blockers", hasSize(1)).body("blockers[0].problem", equalTo("OUT_OF_TOLERANCE"))
                .body("blockers[0].contestantId", equalTo(s.wanhuaContestant));
        given().auth().oauth2(Api.chiefToken(s.id)).get(Api.BASE + "/" + s.id + "/marks/flags").then().statusCode(200)
                .body("readyToPublish", equalTo(false)).body("items[0].itemCode", equalTo("HAZARD_SPOTTING"));
        Map<String, Object> confirm = Map.of("contestantId", s.wanhuaContestant, "itemCode", "HAZARD_SPOTTING", "note", "复核录像后维持");
        given().auth().oauth2(DevTokens.role("judge", "hazard0-" + s.tag)).contentType(ContentType.JSON).body(confirm)
                .post(Api.BASE + "/" + s.id + "/marks/confirm").then().statusCode(403);
        given().auth().oauth2(Api.chiefToken(s.id)).contentType(ContentType.JSON)
                .body(Map.of("contestantId", s.sinopecContestant, "itemCode", "HAZARD_SPOTTING"))
                .post(Api.BASE + "/" + s.id + "/marks/confirm").then().statusCode(409).body("type", endsWith("/not-flagged"));
        given().auth().oauth2(Api.chiefToken(s.id)).contentType(ContentType.JSON).body(confirm)
                .post(Api.BASE + "/" + s.id + "/marks/confirm").then().statusCode(204);
        given().auth().oauth2(Api.chiefToken(s.id)).get(Api.BASE + "/" + s.id + "/marks/flags").then()
                .body("readyToPublish", equalTo(true));
        Api.publish(s.id, Api.quotas(1, 0, 0), Api.quotas(1, 0, 0)).statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void reMarkingWithinTheToleranceClearsTheFlagAndAReMarkUndoesAConfirmation() {
        Scene s = new Scene();
        s.hazard(0, s.wanhuaContestant, "8").statusCode(201);
        s.hazard(1, s.wanhuaContestant, "8").statusCode(201);
        s.hazard(2, s.wanhuaContestant, "4").statusCode(201);
        String flags = Api.BASE + "/" + s.id + "/marks/flags";
        given().auth().oauth2(Api.chiefToken(s.id)).get(flags).then()
                .body("items.findAll { it.problem == 'OUT_OF_TOLERANCE' }", hasSize(1));
        s.hazard(2, s.wanhuaContestant, "7").statusCode(200);
        given().auth().oauth2(Api.chiefToken(s.id)).get(flags).then()
                .body("items.findAll { it.problem == 'OUT_OF_TOLERANCE' }", hasSize(0));
        s.hazard(2, s.wanhuaContestant, "3").statusCode(200);
        given().auth().oauth2(Api.chiefToken(s.id)).contentType(ContentType.JSON)
                .body(Map.of("contestantId", s.wanhuaContestant, "itemCode", "HAZARD_SPOTTING"))
                .post(Api.BASE + "/" + s.id + "/marks/confirm").then().statusCode(204);
        given().auth().oauth2(Api.chiefToken(s.id)).get(flags).then()
                .body("items.findAll { it.problem == 'OUT_OF_TOLERANCE' }", hasSize(0));
        // a new, still too wide mark is a new decision: the confirmation no longer covers it
        s.hazard(2, s.wanhuaContestant, "2").statusCode(200);
        given().auth().oauth2(Api.chiefToken(s.id)).get(flags).then()
                .body("items.findAll { it.problem == 'OUT_OF_TOLERANCE' }", hasSize(1));
    }

    @Test
    void concurrentCorrectionsOfOneMarkKeepAnUnbrokenHistory() throws Exception {
        Scene s = new Scene();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String score = (i + 1) + ".5";
                calls.add(() -> s.hazard(0, s.wanhuaContestant, score).extract().statusCode());
            }
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(x -> x == 201).hasSize(1);
        assertThat(statuses).filteredOn(x -> x == 200).hasSize(7);
        JsonPath view = given().auth().oauth2(Api.chiefToken(s.id))
                .get(Api.BASE + "/" + s.id + "/contestants/" + s.wanhuaContestant + "/scores").then().statusCode(200).extract().jsonPath();
        List<Float> oldScores = view.getList("history.oldScore");
        List<Float> newScores = view.getList("history.newScore");
        assertThat(newScores).hasSize(8);
        assertThat(oldScores.get(0)).isNull();
        for (int i = 1; i < newScores.size(); i++) {
            // each correction replaced exactly the score the one before it wrote
            assertThat(oldScores.get(i)).isEqualTo(newScores.get(i - 1));
        }
        assertThat(view.getList("marks")).hasSize(1);
        assertThat(view.getFloat("marks[0].score")).isEqualTo(newScores.get(7));
    }

    @Test
    void afterPublicationScoresCannotChange() {
        Scene s = new Scene();
        for (String c : List.of(s.wanhuaContestant, s.sinopecContestant)) {
            s.completeMeasurements(c);
            for (int j = 0; j < 3; j++) {
                s.hazard(j, c, "8").statusCode(201);
            }
        }
        Api.publish(s.id, Api.quotas(1, 0, 0), Api.quotas(0, 0, 0)).statusCode(200);
        s.hazard(0, s.wanhuaContestant, "9").statusCode(409).body("type", endsWith("/already-published"));
        Api.score("theory-" + s.tag, s.id, s.wanhuaContestant, "THEORY", s.theoryJudge, "81")
                .statusCode(409).body("currentStatus", equalTo("PUBLISHED"));
    }
}
