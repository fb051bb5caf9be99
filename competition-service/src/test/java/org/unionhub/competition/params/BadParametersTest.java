package org.unionhub.competition.params;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A malformed id in the path or a malformed number in the query is a 400 problem naming it (issue 16, item 2), not the
 * 404 Quarkus REST answers for a value it cannot convert; a well-formed id of nothing stays a 404.
 */
@QuarkusTest
class BadParametersTest {

    @Test
    void aMalformedIdInThePathIsA400NamingIt() {
        refused(given().get("/api/v1/competitions/not-a-uuid").then(), "id");
        refused(given().get("/api/v1/competitions/12345/rankings/individuals").then(), "id");
        refused(given().auth().oauth2(DevTokens.role("admin"))
                .get("/api/v1/competitions/" + UUID.randomUUID() + "/contestants/zz/scores").then(), "cid");
        given().get("/api/v1/competitions/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aMalformedLimitIsA400NamingIt() {
        refused(given().get("/api/v1/competitions?limit=many").then(), "limit");
        refused(given().get("/api/v1/competitions?limit=99999999999").then(), "limit");
    }

    static ValidatableResponse refused(ValidatableResponse r, String parameter) {
        return r.statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter));
    }
}
