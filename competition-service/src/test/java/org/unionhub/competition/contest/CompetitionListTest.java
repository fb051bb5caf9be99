package org.unionhub.competition.contest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The app's list of competitions (issue 17): public, filtered, latest start first, paged; bad filters are 400. */
@QuarkusTest
class CompetitionListTest {

    @Test
    void anyoneListsCompetitionsFilteredLatestFirstPageByPage() {
        UUID org = UUID.randomUUID();
        String industry = "化工-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (String startsOn : List.of("2023-02-20", "2024-05-10", "2024-09-01")) {
            Map<String, Object> body = Api.competitionBody("全国化工行业职业技能竞赛 " + startsOn, 1, Api.chemicalItems(), List.of());
            body.put("industry", industry);
            body.put("startsOn", startsOn);
            body.put("endsOn", startsOn);
            created.add(Api.create(org, body));
        }
        // no token: public; newest start first
        JsonPath all = given().queryParam("industry", industry).get("/api/v1/competitions").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.id")).containsExactly(created.get(2), created.get(1), created.get(0));
        assertThat(all.getString("items[0].name")).isEqualTo("全国化工行业职业技能竞赛 2024-09-01");

        JsonPath first = given().queryParam("industry", industry).queryParam("limit", 2).get("/api/v1/competitions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(created.get(2), created.get(1));
        given().queryParam("industry", industry).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/competitions").then().statusCode(200)
                .body("items.id", equalTo(List.of(created.get(0)))).body("nextCursor", equalTo(null));

        given().queryParam("industry", industry).queryParam("year", 2024).get("/api/v1/competitions")
                .then().statusCode(200).body("items.id", equalTo(List.of(created.get(2), created.get(1))));
        given().queryParam("industry", industry).queryParam("status", "PUBLISHED").get("/api/v1/competitions")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("industry", industry).queryParam("status", "DRAFT").queryParam("level", "NATIONAL")
                .get("/api/v1/competitions").then().statusCode(200).body("items.size()", equalTo(3));
    }

    @Test
    void malformedFiltersAre400NamingTheParameter() {
        given().queryParam("status", "FINISHED").get("/api/v1/competitions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().queryParam("level", "galactic").get("/api/v1/competitions").then().statusCode(400).body("errors[0].field", equalTo("level"));
        given().queryParam("year", "1000000000").get("/api/v1/competitions").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().queryParam("year", "twenty").get("/api/v1/competitions").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().queryParam("limit", 0).get("/api/v1/competitions").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/competitions").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
