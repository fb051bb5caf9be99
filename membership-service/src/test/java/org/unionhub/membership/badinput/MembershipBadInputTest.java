package org.unionhub.membership.badinput;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.fuzz.BadInputCampaign;
import org.unionhub.infra.fuzz.RowCounts;
import org.unionhub.membership.TestData;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.unionhub.membership.TestData.admin;

/**
 * Generated bad input against every operation of membership-service's OpenAPI document (issue 16): never a 5xx,
 * every 4xx problem+json, nothing written on a 4xx. Valid path values point at real records, so that the mutations
 * reach past "not found" into validation and the use cases.
 */
@QuarkusTest
class MembershipBadInputTest {

    static final int CASES = Integer.getInteger("unionhub.bad-input.cases", 2_100);

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Test
    void generatedBadInputNeverAnswers5xxAndWritesNothingWhenRefused() {
        TestData.Tree t = TestData.tree();
        String member = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = given().auth().oauth2(admin()).post("/api/v1/members/" + member + "/cards").then().statusCode(201)
                .extract().path("number");
        String partner = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"中石化绥中加油站\",\"category\":\"FUEL\",\"discountRate\":\"0.97\"}")
                .post("/api/v1/benefit-partners").then().statusCode(201).extract().path("id");
        String csv = "name,idNumber,phone,employmentForm,employer,organizationId\n"
                + "批量" + TestData.suffix() + "," + TestData.idNumber() + "," + TestData.phone() + ",COURIER,顺达物流," + t.leaf() + "\n";

        BadInputCampaign.forService("membership")
                .baseUri(base)
                .cases(CASES)
                .pathValue("id", member)
                .pathValue("/api/v1/organizations/", "id", t.county())
                .pathValue("number", card)
                .pathValue("topic", "membership.organization.v1")
                .queryValue("organizationId", t.leaf())
                .body("POST /api/v1/members", TestData.joinBody("入会申请", TestData.idNumber(), TestData.phone(), "COURIER",
                        t.leaf(), "ON_SITE"))
                .body("POST /api/v1/cards/{number}/redemptions", "{\"partnerId\":\"" + partner + "\",\"amount\":\"30.00\"}")
                .body("POST /api/v1/member-imports", csv)
                .body("POST /api/v1/demands", "{\"memberId\":\"" + member
                        + "\",\"category\":\"WAGE_ARREARS\",\"text\":\"货运平台拖欠运费\",\"channel\":\"VISIT\"}")
                .body("POST /api/v1/forums", "{\"organizationId\":\"" + t.county() + "\",\"heldOn\":\"2023-02-15\","
                        + "\"topic\":\"货车司机代表座谈会\",\"representativeMemberIds\":[\"" + member + "\"],"
                        + "\"minutes\":\"司机们反映加油负担重。\",\"opinions\":[\"加油负担重\"]}")
                .rowCounts(RowCounts.of(dataSource))
                .afterAccepted(this::importsFinished)
                .verify();
    }

    /** An accepted import writes members in the background; a later case must not be blamed for them. */
    private void importsFinished() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try (Connection c = dataSource.getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM member_import WHERE finished_at IS NULL")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }
}
