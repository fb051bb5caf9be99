package org.unionhub.assistance.program;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

/**
 * Issue 13, finding 1: programs, their funds and the green-channel catalogue are national rules.
 * Only admins change them, and a change is made on the version the caller read.
 */
@QuarkusTest
class ProgramOwnershipTest {

    @Inject
    TestData data;

    private static final Map<String, Object> NO_CAP = Map.of("name", "专项精准帮扶线", "money", true,
            "capPerPersonYear", "99999999.00", "capPerApplication", "99999999.00", "requiredDetails", List.of());

    @Test
    void staffOfEvenTheHighestOrganizationCannotChangeTheNationalRules() {
        Tree tree = data.tree();
        String province = staff(tree.province(), "clerk");
        String etag = given().get("/api/v1/programs/TARGETED_MEDICAL").then().statusCode(200).extract().header("ETag");

        as(province).header("If-Match", etag).body(NO_CAP).put("/api/v1/programs/TARGETED_MEDICAL").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/programs/TARGETED_MEDICAL").then().statusCode(200)
                .header("ETag", equalTo(etag)).body("capPerPersonYear", equalTo("30000.00"));

        String code = "OWN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(province).body(Map.of("code", code, "name", "自设项目", "money", true)).post("/api/v1/programs").then().statusCode(403);
        given().get("/api/v1/programs/" + code).then().statusCode(404);

        as(DevTokens.role("admin")).body(Map.of("code", code, "name", "国家项目", "money", true)).post("/api/v1/programs").then().statusCode(201);
        for (String token : List.of(province, TestData.finance())) {
            as(token).body(Map.of("year", 2031, "amount", "1000000000.00")).post("/api/v1/programs/" + code + "/funds")
                    .then().statusCode(403);
        }
        as(DevTokens.role("admin")).get("/api/v1/programs/" + code + "/funds/2031").then().statusCode(404);

        String disease = "FAKE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as(province).body(Map.of("code", disease, "name", "伪造病种", "category", "OTHER"))
                .post("/api/v1/green-channel/diseases").then().statusCode(403);
        as(province).body(Map.of("code", "LEUKEMIA", "name", "改名", "category", "OTHER"))
                .post("/api/v1/green-channel/diseases").then().statusCode(403);
        String hospital = "假医院" + UUID.randomUUID();
        as(province).body(Map.of("name", hospital, "province", "山东", "city", "济南", "grade", "三甲"))
                .post("/api/v1/green-channel/hospitals").then().statusCode(403);
        as(province).get("/api/v1/green-channel/diseases?limit=200").then().statusCode(200)
                .body("items.code", not(hasItem(disease))).body("items.name", hasItem("白血病"));
        as(province).get("/api/v1/green-channel/hospitals?limit=200").then().statusCode(200)
                .body("items.name", not(hasItem(hospital)));
    }

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() {
        String code = program();
        as(DevTokens.role("admin")).body(Map.of("name", "改", "money", true, "capPerPersonYear", "1.00"))
                .put("/api/v1/programs/" + code).then().statusCode(428)
                .contentType("application/problem+json").body("type", endsWith("/if-match-required")).body("status", equalTo(428));
        as(DevTokens.role("admin")).header("If-Match", "*").body(Map.of("name", "改", "money", true, "capPerPersonYear", "1.00"))
                .put("/api/v1/programs/" + code).then().statusCode(428);
        given().get("/api/v1/programs/" + code).then().statusCode(200).body("capPerPersonYear", equalTo("5000.00")).body("version", equalTo(1));
    }

    @Test
    void theETagOfGetIsWhatPutAcceptsAndAStaleOneIs412() {
        String code = program();
        String admin = DevTokens.role("admin");
        String first = given().get("/api/v1/programs/" + code).then().statusCode(200).extract().header("ETag");
        String second = as(admin).header("If-Match", first).body(Map.of("name", "改一", "money", true, "capPerPersonYear", "6000.00"))
                .put("/api/v1/programs/" + code).then().statusCode(200).body("version", equalTo(2)).extract().header("ETag");
        assertThat(second).isNotEqualTo(first);
        assertThat(given().get("/api/v1/programs/" + code).then().extract().header("ETag")).isEqualTo(second);

        as(admin).header("If-Match", first).body(Map.of("name", "改二", "money", true, "capPerPersonYear", "1.00"))
                .put("/api/v1/programs/" + code).then().statusCode(412).contentType("application/problem+json")
                .body("currentETag", equalTo(second));
        given().get("/api/v1/programs/" + code).then().body("capPerPersonYear", equalTo("6000.00")).body("name", equalTo("改一"));
    }

    @Test
    void twoAdminsEditingTheSameVersionAtOnceNeverBothWin() throws Exception {
        String code = program();
        String etag = given().get("/api/v1/programs/" + code).then().extract().header("ETag");
        List<Callable<Integer>> calls = List.of(
                () -> as(DevTokens.role("admin")).header("If-Match", etag).body(Map.of("name", "甲", "money", true, "capPerPersonYear", "7000.00"))
                        .put("/api/v1/programs/" + code).statusCode(),
                () -> as(DevTokens.role("admin")).header("If-Match", etag).body(Map.of("name", "乙", "money", true, "capPerPersonYear", "8000.00"))
                        .put("/api/v1/programs/" + code).statusCode());
        List<Integer> codes = TestData.race(calls);
        assertThat(codes).containsExactlyInAnyOrder(200, 412);
        given().get("/api/v1/programs/" + code).then().body("version", equalTo(2));
    }

    private static String program() {
        String code = "VER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(DevTokens.role("admin")).body(Map.of("code", code, "name", "版本", "money", true, "capPerPersonYear", "5000.00"))
                .post("/api/v1/programs").then().statusCode(201);
        return code;
    }
}
