package org.unionhub.competition.contest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.infra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CompetitionResourceTest {

    final UUID org = UUID.randomUUID();

    @Test
    void staffCreateTheChemicalFinalWithItsThreeItemsAndAnyoneReadsItBack() {
        String id = given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Api.competitionBody("全国化工行业职业技能竞赛决赛", 3, Api.chemicalItems(), List.of("HAZARD_SPOTTING", "THEORY")))
                .post(Api.BASE)
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/competitions/"))
                .body("status", equalTo("DRAFT"))
                .body("organizerOrgId", equalTo(org.toString()))
                .extract().path("id");
        given().get(Api.BASE + "/" + id).then().statusCode(200)
                .body("name", equalTo("全国化工行业职业技能竞赛决赛"))
                .body("organizers[0]", equalTo("中国能源化学地质工会"))
                .body("items", hasSize(3))
                .body("items[2].code", equalTo("HAZARD_SPOTTING"))
                .body("items[2].kind", equalTo("JUDGEMENT"))
                .body("items[2].tolerance", equalTo(2.0f))
                .body("items[0].weight", equalTo(30.0f))
                .body("tieBreakOrder", equalTo(List.of("HAZARD_SPOTTING", "THEORY")))
                .body("teamSize", equalTo(3));
    }

    @Test
    void weightsThatDoNotSumTo100AreA400NamingTheItems() {
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Api.competitionBody("权重错误的竞赛", 3, List.of(
                        Api.item("THEORY", "理论", 30, 100, "MEASUREMENT", null),
                        Api.item("VR_SIMULATION", "仿真", 40, 100, "MEASUREMENT", null)), List.of()))
                .post(Api.BASE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("items"))
                .body("detail", containsString("70"));
    }

    @Test
    void anUnknownLevelOrAMissingFieldIsA400NamingIt() {
        Map<String, Object> body = new java.util.HashMap<>(Api.competitionBody("x", 3, Api.chemicalItems(), List.of()));
        body.put("level", "GALACTIC");
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(body).post(Api.BASE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("level")).body("detail", containsString("NATIONAL"));
        body.put("level", "CITY");
        body.put("teamSize", "three");
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(body).post(Api.BASE)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("teamSize"));
        body.put("level", "CITY");
        body.remove("teamSize");
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(body).post(Api.BASE)
                .then().statusCode(400).body("errors[0].field", equalTo("teamSize"));
    }

    @Test
    void theStatusMovesOneStepForwardOnlyAnd409Otherwise() {
        String id = Api.create(org, Api.competitionBody("状态机", 3, Api.chemicalItems(), List.of()));
        Api.advance(org, id, "IN_PROGRESS").statusCode(409).body("currentStatus", equalTo("DRAFT"))
                .body("type", endsWith("/invalid-status-transition"));
        Api.advance(org, id, "REGISTRATION").statusCode(200).body("status", equalTo("REGISTRATION"));
        Api.advance(org, id, "REGISTRATION").statusCode(409);
        Api.advance(org, id, "DRAFT").statusCode(409).body("currentStatus", equalTo("REGISTRATION"));
        Api.advance(org, id, "IN_PROGRESS").statusCode(200);
        Api.advance(org, id, "SCORING_CLOSED").statusCode(200);
        // results are published with the quotas, not by a bare status change
        Api.advance(org, id, "PUBLISHED").statusCode(409).body("type", endsWith("/publish-with-quotas"));
        Api.advance(org, id, "IN_PROGRESS").statusCode(409).body("currentStatus", equalTo("SCORING_CLOSED"));
    }

    @Test
    void onlyStaffOfTheOrganizingFederationRunACompetition() {
        Map<String, Object> body = Api.competitionBody("权限", 3, Api.chemicalItems(), List.of());
        given().contentType(ContentType.JSON).body(body).post(Api.BASE).then().statusCode(401);
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).contentType(ContentType.JSON).body(body).post(Api.BASE)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.role("judge")).contentType(ContentType.JSON).body(body).post(Api.BASE).then().statusCode(403);
        String id = Api.create(org, body);
        Api.advance(UUID.randomUUID(), id, "REGISTRATION").statusCode(403);
        given().auth().oauth2(DevTokens.role("admin")).contentType(ContentType.JSON).body(Map.of("status", "REGISTRATION"))
                .post(Api.BASE + "/" + id + "/status").then().statusCode(200);
    }

    @Test
    void anUnknownCompetitionIs404() {
        given().get(Api.BASE + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}
