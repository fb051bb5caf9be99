package org.unionhub.assistance.program;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.assistance.TestData.as;

@QuarkusTest
class ProgramResourceTest {

    @Test
    void theSixLinesExistFromTheFirstStartAndArePublic() {
        given().get("/api/v1/programs?limit=200").then().statusCode(200)
                .body("items.code", hasItems("TARGETED_MEDICAL", "DAILY_RELIEF", "MUTUAL_AID", "SUPPLEMENTARY_MEDICAL",
                        "CRITICAL_ILLNESS_CHANNEL", "QUALITY_LIFE"));
        given().get("/api/v1/programs/TARGETED_MEDICAL").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("专项精准帮扶线"))
                .body("capPerPersonYear", equalTo("30000.00"))
                .body("requiresActiveMembership", equalTo(true))
                .body("requiresHardshipFile", equalTo(false))
                .body("money", equalTo(true))
                .body("requiredDetails", hasItems("outOfPocketCost"));
        given().get("/api/v1/programs/CRITICAL_ILLNESS_CHANNEL").then().statusCode(200).body("money", equalTo(false));
        given().get("/api/v1/programs/NO_SUCH").then().statusCode(404);
    }

    @Test
    void adminsAddAProgramAndChangeItsRulesWithIfMatch() {
        String code = "WARMTH_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String staff = DevTokens.role("admin");
        Map<String, Object> body = Map.of("code", code, "name", "冬季送温暖", "money", true, "capPerPersonYear", "5000.00",
                "capPerApplication", "2000.00", "requiresHardshipFile", true, "requiredDetails", List.of());
        as(staff).body(body).post("/api/v1/programs").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/programs/" + code))
                .body("name", equalTo("冬季送温暖")).body("version", equalTo(1));
        as(staff).body(body).post("/api/v1/programs").then().statusCode(409);

        Map<String, Object> change = Map.of("name", "冬季送温暖", "money", true, "capPerPersonYear", "6000.00");
        as(staff).header("If-Match", "\"1\"").body(change).put("/api/v1/programs/" + code).then().statusCode(200)
                .body("capPerPersonYear", equalTo("6000.00")).body("version", equalTo(2)).header("ETag", notNullValue());
        as(staff).header("If-Match", "\"1\"").body(change).put("/api/v1/programs/" + code).then().statusCode(412);

        as(DevTokens.member(UUID.randomUUID())).header("If-Match", "\"2\"").body(change).put("/api/v1/programs/" + code)
                .then().statusCode(403);
        given().contentType("application/json").body(change).put("/api/v1/programs/" + code).then().statusCode(401);
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        String staff = DevTokens.role("admin");
        as(staff).body(Map.of("code", "BAD_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "name", "x",
                        "money", true, "capPerPersonYear", "10.001"))
                .post("/api/v1/programs").then().statusCode(400).body("errors[0].field", equalTo("capPerPersonYear"));
        as(staff).body(Map.of("code", "lower", "name", "x", "money", true))
                .post("/api/v1/programs").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void aFundIsOpenedOncePerProgramAndYear() {
        String code = "FUND_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String admin = DevTokens.role("admin");
        as(admin).body(Map.of("code", code, "name", "测试", "money", true)).post("/api/v1/programs").then().statusCode(201);
        as(admin).body(Map.of("year", 2023, "amount", "339600.00")).post("/api/v1/programs/" + code + "/funds").then()
                .statusCode(201).body("remaining", equalTo("339600.00"));
        as(admin).body(Map.of("year", 2023, "amount", "1.00")).post("/api/v1/programs/" + code + "/funds").then().statusCode(409);
        as(DevTokens.member(UUID.randomUUID())).body(Map.of("year", 2024, "amount", "1.00"))
                .post("/api/v1/programs/" + code + "/funds").then().statusCode(403);
        as(admin).body(Map.of("year", 2023, "amount", "1.00")).post("/api/v1/programs/QUALITY_LIFE/funds").then().statusCode(422);
    }
}
