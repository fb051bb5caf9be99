package org.unionhub.membership.params;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.TestData;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Malformed or out-of-bounds path and query parameters are a 400 problem naming the parameter (issue 16, item 2):
 * never the 404 Quarkus REST answers for a value it cannot convert, never a 500.
 */
@QuarkusTest
class BadParametersTest {

    @Test
    void aMalformedIdInThePathIsA400NamingIt() {
        String admin = TestData.admin();
        refused(given().auth().oauth2(admin).get("/api/v1/members/not-a-uuid").then(), "id");
        refused(given().auth().oauth2(admin).get("/api/v1/organizations/123/children").then(), "id");
        given().auth().oauth2(admin).get("/api/v1/members/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aMalformedEnumNumberOrBooleanInTheQueryIsA400NamingIt() {
        String admin = TestData.admin();
        refused(given().auth().oauth2(admin).get("/api/v1/members?employmentForm=ASTRONAUT").then(), "employmentForm")
                .body("errors[0].message", startsWith("must be one of"));
        refused(given().auth().oauth2(admin).get("/api/v1/members?status=HAPPY").then(), "status");
        refused(given().auth().oauth2(admin).get("/api/v1/organizations?type=EMPIRE").then(), "type");
        refused(given().auth().oauth2(admin).get("/api/v1/organizations?parentId=root").then(), "parentId");
        refused(given().auth().oauth2(admin).get("/api/v1/benefit-partners?category=CASINO").then(), "category");
        refused(given().auth().oauth2(admin).get("/api/v1/members?limit=twenty").then(), "limit");
        refused(given().auth().oauth2(admin).get("/api/v1/members/" + UUID.randomUUID() + "/demands?open=perhaps").then(), "open");
    }

    @Test
    void aYearOutOfBoundsIsA400NamingIt() {
        String admin = TestData.admin();
        refused(given().auth().oauth2(admin).get("/api/v1/members/" + UUID.randomUUID() + "/savings?year=1000000000").then(), "year");
        refused(given().auth().oauth2(admin).get("/api/v1/members/" + UUID.randomUUID() + "/savings?year=last").then(), "year");
    }

    static ValidatableResponse refused(ValidatableResponse r, String parameter) {
        return r.statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter));
    }
}
