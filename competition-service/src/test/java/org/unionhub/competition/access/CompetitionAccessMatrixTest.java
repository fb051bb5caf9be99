package org.unionhub.competition.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.Caller;
import org.unionhub.infra.access.CallerTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.unionhub.infra.access.Caller.ADMIN;
import static org.unionhub.infra.access.Caller.ANCESTOR_STAFF;
import static org.unionhub.infra.access.Caller.PARTNER;
import static org.unionhub.infra.access.Caller.SELF;
import static org.unionhub.infra.access.Caller.SIBLING_STAFF;
import static org.unionhub.infra.access.Caller.SUBTREE_STAFF;

/**
 * Every operation of competition-service's OpenAPI document, called as each of the eleven kinds of caller (issue 13).
 * The competitions are organized by the "subtree" organization; its sibling and ancestor are beside and above it. The
 * judge and chief-judge callers are valid tokens whose subjects are appointed to OTHER competitions only: they must see
 * and change nothing here. {@link #theAppointedJudgeAndChiefJudgeDoTheirWork()} shows the appointed ones can.
 */
@QuarkusTest
class CompetitionAccessMatrixTest {

    @Inject
    Fixtures fixtures;

    /** The organization tree, the two members and the competitions of the fixture. */
    class Scene {
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final UUID ancestor = fixtures.organization(null, "能源化学地质工会");
        final UUID organizer = fixtures.organization(ancestor, "化工行业工会");
        final UUID sibling = fixtures.organization(ancestor, "地质行业工会");
        final UUID self = fixtures.activeMemberOf(organizer, "自己");
        final UUID other = fixtures.activeMemberOf(sibling, "别人");
        /** In progress: the self member's contestant with marks spread too wide, a theory judge, three hazard judges. */
        final String running;
        final String selfContestant;
        final String theoryJudge;
        final String[] hazardJudges = new String[3];
        /** Contestants to disqualify, one per caller (an allowed disqualification uses its target up). */
        final List<String> targets = new ArrayList<>();
        /** Open for registration. */
        final String registering;
        /** In progress and ready to publish. */
        final String ready;

        Scene() {
            List<Map<String, Object>> items = List.of(Api.item("THEORY", "理论知识", 50, 100, "MEASUREMENT", null),
                    Api.item("HAZARD_SPOTTING", "现场安全隐患排查", 50, 10, "JUDGEMENT", 2));
            running = Api.create(organizer, Api.competitionBody(Api.unique("矩阵"), 1, items, List.of()));
            Api.advanceTo(organizer, running, "REGISTRATION");
            selfContestant = Api.team(organizer, running, "自己队", "企业甲", "LOCAL", "江苏", List.of(self)).get(0);
            for (Caller c : Caller.values()) {
                targets.add(Api.team(organizer, running, "队" + c.ordinal(), "企业" + c.ordinal(), "LOCAL", "山东",
                        List.of(fixtures.activeMemberOf(organizer, "选手" + c.ordinal()))).get(0));
            }
            theoryJudge = Api.judge(organizer, running, "阅卷组", "中国化工教育协会", List.of("THEORY"), judgeAccount("theory"));
            for (int j = 0; j < 3; j++) {
                hazardJudges[j] = Api.judge(organizer, running, "安全专家" + j, "应急管理部化学品登记中心", List.of("HAZARD_SPOTTING"),
                        judgeAccount("hazard" + j));
            }
            Api.appointChief(organizer, running, "总裁判长", chiefAccount()).statusCode(201);
            Api.advanceTo(organizer, running, "IN_PROGRESS");
            for (int j = 0; j < 3; j++) {
                Api.score(judgeAccount("hazard" + j), running, selfContestant, "HAZARD_SPOTTING", hazardJudges[j], j == 2 ? "4" : "8")
                        .statusCode(201);
            }

            registering = Api.create(organizer, Api.competitionBody(Api.unique("报名"), 1, items, List.of()));
            Api.advanceTo(organizer, registering, "REGISTRATION");

            ready = Api.create(organizer, Api.competitionBody(Api.unique("待发布"), 1,
                    List.of(Api.item("THEORY", "理论知识", 100, 100, "MEASUREMENT", null)), List.of()));
            Api.advanceTo(organizer, ready, "REGISTRATION");
            String winner = Api.team(organizer, ready, "冠军队", "企业乙", "CENTRAL", "福建",
                    List.of(fixtures.activeMemberOf(organizer, "冠军"))).get(0);
            String marker = Api.judge(organizer, ready, "阅卷人", "中国化工教育协会", List.of("THEORY"), judgeAccount("ready"));
            Api.advanceTo(organizer, ready, "IN_PROGRESS");
            Api.score(judgeAccount("ready"), ready, winner, "THEORY", marker, "90").statusCode(201);
        }

        String judgeAccount(String what) {
            return "mx-" + what + "-" + tag;
        }

        String chiefAccount() {
            return "mx-chief-" + tag;
        }

        String fresh() {
            return Api.create(organizer, Api.competitionBody(Api.unique("草稿"), 1,
                    List.of(Api.item("THEORY", "理论知识", 100, 100, "MEASUREMENT", null)), List.of()));
        }
    }

    static final String INSIDERS = "staff of the organizing federation or above, admin, a judge or the chief judge appointed to this competition";
    static final Caller[] RUNNERS = {SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN};

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        Scene s = new Scene();
        UUID running = UUID.fromString(s.running);
        UUID ready = UUID.fromString(s.ready);
        UUID registering = UUID.fromString(s.registering);
        AccessMatrix m = AccessMatrix.forService("competition")
                .callers(CallerTokens.standard(s.self, s.other, s.organizer, s.sibling, s.ancestor));

        m.op("POST /api/v1/competitions")
                .body(json(Api.competitionBody("矩阵新建", 1, List.of(Api.item("THEORY", "理论知识", 100, 100, "MEASUREMENT", null)), List.of())))
                .rule("staff (the token's orgId becomes the organizer), admin")
                .allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/competitions").query("limit", 5)
                .rule("public: the list of competitions, filtered and paged")
                .allowAll();
        m.op("GET /api/v1/competitions/{id}").path("id", s.running)
                .rule("public: the definition, items and status")
                .allowAll();
        m.op("POST /api/v1/competitions/{id}/status").pathPerCall("id", c -> s.fresh())
                .body("{\"status\":\"REGISTRATION\"}")
                .rule("staff of the organizing federation or above, admin")
                .allow(RUNNERS);
        m.op("POST /api/v1/competitions/{id}/teams").path("id", s.registering)
                .body(c -> json(Map.of("name", "队" + c.ordinal(), "enterprise", "企业", "enterpriseType", "LOCAL", "province", "江苏",
                        "memberIds", List.of(fixtures.activeMemberOf(s.organizer, "报名" + c.ordinal())))))
                .rule("staff of the organizing federation or above, admin")
                .allow(RUNNERS)
                .unchangedWhenDenied(() -> fixtures.rows("team", registering));
        m.op("GET /api/v1/competitions/{id}/teams").path("id", s.running)
                .rule(INSIDERS)
                .allow(RUNNERS);
        m.op("GET /api/v1/competitions/{id}/stats").path("id", s.running)
                .rule("public after publication; before it " + INSIDERS + " (others 404 not-published)")
                .allow(RUNNERS).hiddenAs404();
        m.op("POST /api/v1/competitions/{id}/judges").path("id", s.running)
                .body(c -> json(Map.of("name", "评委" + c.ordinal(), "enterprise", "企业丙", "items", List.of("THEORY"),
                        "account", s.judgeAccount("new" + c.ordinal()))))
                .rule("staff of the organizing federation or above, admin (judges and chief judges alike)")
                .allow(RUNNERS)
                .unchangedWhenDenied(() -> fixtures.rows("judge", running));
        m.op("GET /api/v1/competitions/{id}/judges").path("id", s.running)
                .rule(INSIDERS)
                .allow(RUNNERS);
        m.op("POST /api/v1/competitions/{id}/scores").path("id", s.running)
                .body(json(Map.of("contestantId", s.selfContestant, "itemCode", "THEORY", "judgeId", s.theoryJudge, "score", 50)))
                .rule("a judge appointed to this competition, his own marks only")
                .allowNone()
                .unchangedWhenDenied(() -> fixtures.rows("score_history", running));
        m.op("GET /api/v1/competitions/{id}/contestants/{cid}/scores").path("id", s.running).path("cid", s.selfContestant)
                .rule(INSIDERS)
                .allow(RUNNERS);
        m.op("GET /api/v1/competitions/{id}/marks/flags").path("id", s.running)
                .rule(INSIDERS)
                .allow(RUNNERS);
        m.op("POST /api/v1/competitions/{id}/marks/confirm").path("id", s.running)
                .body(json(Map.of("contestantId", s.selfContestant, "itemCode", "HAZARD_SPOTTING", "note", "复核")))
                .rule("the chief judge appointed to this competition")
                .allowNone()
                .unchangedWhenDenied(() -> fixtures.rows("mark_confirmation", running));
        m.op("POST /api/v1/competitions/{id}/contestants/{cid}/disqualify").path("id", s.running)
                .pathPerCall("cid", c -> s.targets.get(c.ordinal()))
                .body("{\"reason\":\"携带违禁通讯设备\"}")
                .rule("staff of the organizing federation or above, admin, the chief judge appointed to this competition")
                .allow(RUNNERS)
                .unchangedWhenDenied(() -> fixtures.disqualified(running));
        m.op("POST /api/v1/competitions/{id}/publish").path("id", s.ready)
                .body("{\"individualQuotas\":{\"FIRST\":1},\"teamQuotas\":{\"FIRST\":1}}")
                .rule("the chief judge appointed to this competition, admin")
                .allow(ADMIN)
                .unchangedWhenDenied(() -> fixtures.rows("award", ready) + "/" + fixtures.outboxCount(ready, "org.unionhub.competition.competition.published.v1"));
        m.op("GET /api/v1/competitions/{id}/rankings/individuals").path("id", s.running)
                .rule("public after publication; before it " + INSIDERS + " (others 404 not-published)")
                .allow(RUNNERS).hiddenAs404();
        m.op("GET /api/v1/competitions/{id}/rankings/teams").path("id", s.running)
                .rule("public after publication; before it " + INSIDERS + " (others 404 not-published)")
                .allow(RUNNERS).hiddenAs404();
        m.op("GET /api/v1/competitions/{id}/awards").path("id", s.running)
                .rule("public after publication; before it " + INSIDERS + " (others 404 not-published)")
                .allow(RUNNERS).hiddenAs404();
        m.op("GET /api/v1/members/{memberId}/competition-results").path("memberId", s.self)
                .rule("the member himself, staff whose subtree holds him, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("POST /internal/dead-letters/{topic}/replay").path("topic", "competition.v1")
                .rule("admin (platform)")
                .allow(ADMIN);
        m.op("GET /internal/outbox/parked")
                .rule("admin (operators: events the broker kept refusing)").allow(ADMIN);
        m.op("POST /internal/outbox/unpark")
                .rule("admin (operators)").allow(ADMIN);
        m.op("GET /internal/projections/members/{id}").path("id", s.self)
                .rule("admin, partner (platform)")
                .allow(ADMIN, PARTNER);
        // last: it empties and rebuilds the projections the fixtures above wrote into
        m.op("POST /internal/projections/membership/rebuild")
                .rule("admin (operators)").allow(ADMIN);
        m.verify();
    }

    /** The callers the matrix cannot show: the judge and the chief judge appointed to the competition do their work. */
    @Test
    void theAppointedJudgeAndChiefJudgeDoTheirWork() {
        Scene s = new Scene();
        String base = Api.BASE + "/" + s.running;
        String judge = DevTokens.role("judge", s.judgeAccount("theory"));
        String chief = DevTokens.role("chief-judge", s.chiefAccount());
        for (String token : List.of(judge, chief)) {
            for (String path : List.of("/teams", "/judges", "/stats", "/marks/flags", "/contestants/" + s.selfContestant + "/scores",
                    "/rankings/individuals", "/rankings/teams", "/awards")) {
                given().auth().oauth2(token).get(base + path).then().statusCode(200);
            }
        }
        given().auth().oauth2(judge).contentType(ContentType.JSON)
                .body(Map.of("contestantId", s.selfContestant, "itemCode", "THEORY", "judgeId", s.theoryJudge, "score", 50))
                .post(base + "/scores").then().statusCode(201);
        given().auth().oauth2(chief).contentType(ContentType.JSON)
                .body(Map.of("contestantId", s.selfContestant, "itemCode", "HAZARD_SPOTTING", "note", "复核录像后维持"))
                .post(base + "/marks/confirm").then().statusCode(204);
        given().auth().oauth2(chief).contentType(ContentType.JSON).body(Map.of("reason", "携带违禁通讯设备"))
                .post(base + "/contestants/" + s.targets.get(0) + "/disqualify").then().statusCode(200);
        // the judge does not do the chief judge's work, nor the chief judge the judge's
        given().auth().oauth2(judge).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post(base + "/contestants/" + s.targets.get(1) + "/disqualify").then().statusCode(403);
        given().auth().oauth2(chief).contentType(ContentType.JSON)
                .body(Map.of("contestantId", s.selfContestant, "itemCode", "THEORY", "judgeId", s.theoryJudge, "score", 60))
                .post(base + "/scores").then().statusCode(403);
        String readyChief = "mx-ready-chief-" + s.tag;
        Api.appointChief(s.organizer, s.ready, "总裁判长", readyChief).statusCode(201);
        Api.publishAs(DevTokens.role("chief-judge", readyChief), s.ready, Api.quotas(1, 0, 0), Api.quotas(1, 0, 0)).statusCode(200)
                .body("individualPrizes.FIRST", equalTo(1));
        given().get(Api.BASE + "/" + s.ready + "/awards").then().statusCode(200).body("items", hasSize(2));
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
