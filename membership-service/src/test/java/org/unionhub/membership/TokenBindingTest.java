package org.unionhub.membership;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service itself (not only the gateway) binds a token to UnionHub and bounds its age: the
 * identity provider signs tokens for other applications with the same key and issuer, and a
 * service is reachable inside the cluster without the gateway. Rules: docs/security.md "Tokens".
 */
@QuarkusTest
class TokenBindingTest {

    private static final String SECURED = "/api/v1/organizations";

    private static void refused(String token) {
        given().auth().oauth2(token).get(SECURED)
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aUnionHubTokenIsAccepted() {
        given().auth().oauth2(DevTokens.sign(DevTokens.claims("admin-aud", Set.of("admin")))).get(SECURED)
                .then().statusCode(200);
    }

    @Test
    void aTokenIssuedForAnotherApplicationIsRefused() {
        refused(DevTokens.sign(DevTokens.claims("admin-aud", Set.of("admin")).audience("payroll")));
        refused(DevTokens.sign(DevTokens.claims("admin-aud", Set.of("admin")).remove("aud")));
    }

    @Test
    void aTokenOlderThanAnHourIsRefusedEvenBeforeItExpires() {
        Instant now = Instant.now();
        refused(DevTokens.sign(DevTokens.claims("admin-old", Set.of("admin"))
                .issuedAt(now.minus(Duration.ofMinutes(65))).expiresAt(now.plus(Duration.ofHours(8)))));
        // within the age: accepted
        given().auth().oauth2(DevTokens.sign(DevTokens.claims("admin-recent", Set.of("admin"))
                        .issuedAt(now.minus(Duration.ofMinutes(50))).expiresAt(now.plus(Duration.ofHours(8)))))
                .get(SECURED).then().statusCode(200);
    }
}
