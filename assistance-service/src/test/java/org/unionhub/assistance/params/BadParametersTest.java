package org.unionhub.assistance.params;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.infra.DevTokens;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

/**
 * Malformed or out-of-bounds path and query parameters are a 400 problem naming the parameter (issue 16, item 2):
 * never the 404 Quarkus REST answers for a value it cannot convert, never a 500 from date arithmetic.
 */
@QuarkusTest
class BadParametersTest {

    @Inject
    TestData data;

    @Test
    void aYearOfAThousandMillionIsA400NotA500() {
        String admin = DevTokens.role("admin");
        refused(as(admin).get("/api/v1/legal-cases/stats?year=1000000000").then(), "year");
        refused(as(admin).get("/api/v1/legal-cases/stats?year=1899").then(), "year");
        refused(as(admin).get("/api/v1/legal-cases/stats?year=twenty").then(), "year");
        as(admin).get("/api/v1/legal-cases/stats?year=" + TestData.thisYear()).then().statusCode(200);
        refused(as(admin).get("/api/v1/members/" + UUID.randomUUID() + "/assistance?year=99999").then(), "year");
    }

    @Test
    void aMalformedIdInThePathIsA400NamingIt() {
        String admin = DevTokens.role("admin");
        refused(as(admin).get("/api/v1/legal-cases/not-a-uuid").then(), "id");
        refused(as(admin).get("/api/v1/applications/12345").then(), "id");
        refused(as(admin).get("/api/v1/hardship-files/" + UUID.randomUUID() + "x").then(), "id");
        refused(as(admin).get("/api/v1/members/abc/assistance").then(), "memberId");
        // a well-formed id of nothing stays a 404
        as(admin).get("/api/v1/legal-cases/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aMalformedEnumIntegerOrCursorInTheQueryIsA400NamingIt() {
        TestData.Tree tree = data.tree();
        String staff = staff(tree.county(), "params");
        refused(as(staff).get("/api/v1/applications?status=PAID_TWICE").then(), "status")
                .body("errors[0].message", startsWith("must be one of"));
        refused(as(staff).get("/api/v1/applications?limit=ten").then(), "limit");
        refused(as(staff).get("/api/v1/applications?limit=99999999999").then(), "limit");
        refused(as(staff).get("/api/v1/applications?limit=0").then(), "limit");
        refused(as(staff).get("/api/v1/applications?cursor=@@@").then(), "cursor");
        refused(as(staff).get("/api/v1/programs/MEDICAL/funds/next").then(), "year");
        refused(as(staff).get("/api/v1/programs/MEDICAL/funds/3000").then(), "year");
    }

    @Test
    void aYearOutOfBoundsInABodyIsA400AndWritesNothing() {
        TestData.Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        long before = data.count("SELECT count(*) FROM program_fund");
        as(DevTokens.role("admin")).body(Map.of("year", 1000000000, "amount", "100.00")).post("/api/v1/programs/MEDICAL/funds")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        as(DevTokens.member(member)).body(Map.of("memberId", member, "year", -5)).post("/api/v1/mutual-aid/enrollments")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        assertThat(data.count("SELECT count(*) FROM program_fund")).isEqualTo(before);
    }

    static ValidatableResponse refused(ValidatableResponse r, String parameter) {
        return r.statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter));
    }
}
