package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class EdgeSecurityTest {

    private static final String SECURED = "/api/v1/hardship-files";

    private void refused(String authorization) {
        int before = FakeServices.get("assistance").received();
        var spec = given();
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        spec.get(SECURED).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://unionhub.org/problems/unauthenticated"))
                .body("status", equalTo(401))
                .body("instance", equalTo(SECURED));
        assertThat(FakeServices.get("assistance").received()).as("nothing reached the service").isEqualTo(before);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingTokenIsRefused() {
        refused(null);
        refused("Basic dXNlcjpwYXNz");
        refused("Bearer ");
    }

    @Test
    void anExpiredTokenIsRefused() {
        // beyond the verifier's 60 s clock skew
        refused("Bearer " + DevTokens.token("staff-x", Set.of("staff"), null, UUID.randomUUID(), Duration.ofMinutes(-10)));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey other = g.generateKeyPair().getPrivate();
        String forged = Jwt.issuer(DevTokens.ISSUER).subject("mallory").groups(Set.of("admin"))
                .expiresIn(Duration.ofHours(1)).jws().keyId("unionhub-dev").sign(other);
        refused("Bearer " + forged);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64("{\"iss\":\"" + DevTokens.ISSUER + "\",\"sub\":\"mallory\",\"groups\":[\"admin\"],\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}") + ".";
        refused("Bearer " + none);
    }

    @Test
    void malformedTokensAreRefused() {
        refused("Bearer not-a-token");
        refused("Bearer a.b.c");
        refused("Bearer " + DevTokens.role("staff").substring(0, 40) + "." + "x.y");
        String valid = DevTokens.role("admin");
        refused("Bearer " + valid.substring(0, valid.length() - 4) + "AAAA");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        // right key, wrong issuer: built by hand because DevTokens always uses the dev issuer
        String token = DevTokens.role("admin");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(DevTokens.ISSUER, "https://evil.example");
        refused("Bearer " + parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    void aTokenIssuedForAnotherApplicationIsRefused() {
        // same identity provider, same key and issuer, but meant for another application
        refused("Bearer " + DevTokens.sign(DevTokens.claims("admin-x", Set.of("admin")).audience("payroll")));
        refused("Bearer " + DevTokens.sign(DevTokens.claims("admin-x", Set.of("admin")).remove("aud")));
    }

    @Test
    void aTokenOlderThanAnHourIsRefusedEvenBeforeItExpires() {
        Instant now = Instant.now();
        refused("Bearer " + DevTokens.sign(DevTokens.claims("staff-old", Set.of("staff"))
                .issuedAt(now.minus(Duration.ofMinutes(65))).expiresAt(now.plus(Duration.ofHours(8)))));
        given().auth().oauth2(DevTokens.sign(DevTokens.claims("staff-recent", Set.of("staff"))
                        .issuedAt(now.minus(Duration.ofMinutes(50))).expiresAt(now.plus(Duration.ofHours(8)))))
                .get(SECURED).then().statusCode(200);
    }

    @Test
    void aValidTokenPassesAndIsForwarded() {
        String token = DevTokens.staff(UUID.randomUUID());
        given().auth().oauth2(token).get(SECURED).then().statusCode(200).body("service", equalTo("assistance"));
        assertThat(FakeServices.get("assistance").lastHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void publicPathsNeedNoToken() {
        given().get("/api/v1/programs").then().statusCode(200).body("service", equalTo("assistance"));
        given().get("/api/v1/venues?near=31.2,121.4&radiusKm=5").then().statusCode(200).body("service", equalTo("venue"));
        given().get("/api/v1/venues/" + UUID.randomUUID()).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        // only reading is public
        given().contentType("application/json").body("{}").post("/api/v1/venues").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/programs").then().statusCode(401);
    }

    @Test
    void aReadOnlyPartnerMayReadButNotWrite() {
        String partner = DevTokens.role("partner");
        given().auth().oauth2(partner).get("/api/v1/competitions").then().statusCode(200);
        int before = FakeServices.get("competition").received();
        given().auth().oauth2(partner).contentType("application/json").body("{}").post("/api/v1/competitions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/forbidden"));
        assertThat(FakeServices.get("competition").received()).isEqualTo(before);
    }

    /** The one write a partner makes: a benefit partner's till records a purchase; nothing beside or below it. */
    @Test
    void aPartnerTillRecordsAPurchaseButWritesNothingElse() {
        String partner = DevTokens.role("partner");
        int before = FakeServices.get("membership").received();
        given().auth().oauth2(partner).contentType("application/json").header("Idempotency-Key", "k1").body("{\"amount\":\"300.00\"}")
                .post("/api/v1/partner/cards/8860000000000001/redemptions").then().statusCode(200);
        assertThat(FakeServices.get("membership").received()).isEqualTo(before + 1);
        given().auth().oauth2(partner).get("/api/v1/partner/cards/8860000000000001").then().statusCode(200);
        for (String path : List.of("/api/v1/partner/cards/8860000000000001", "/api/v1/partner/cards/8860000000000001/redemptions/x",
                "/api/v1/cards/8860000000000001/redemptions")) {
            given().auth().oauth2(partner).contentType("application/json").body("{}").post(path)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(partner).contentType("application/json").body("{}")
                .put("/api/v1/partner/cards/8860000000000001/redemptions").then().statusCode(403);
        assertThat(FakeServices.get("membership").received()).isEqualTo(before + 2);
    }

    @Test
    void aPartnerManagesItsWebhookSubscriptionsButWritesNothingElse() {
        String partner = DevTokens.role("partner");
        int before = FakeServices.get("partner").received();
        given().auth().oauth2(partner).contentType("application/json").body("{}").post("/api/v1/webhook-subscriptions")
                .then().statusCode(200).body("service", equalTo("partner"));
        given().auth().oauth2(partner).post("/api/v1/webhook-subscriptions/" + UUID.randomUUID() + "/secret-rotations")
                .then().statusCode(200).body("service", equalTo("partner"));
        given().auth().oauth2(partner).delete("/api/v1/webhook-subscriptions/" + UUID.randomUUID())
                .then().statusCode(200).body("service", equalTo("partner"));
        assertThat(FakeServices.get("partner").received()).isEqualTo(before + 3);
        // registering partners is not a partner's: still refused at the edge
        given().auth().oauth2(partner).contentType("application/json").body("{}").post("/api/v1/partners")
                .then().statusCode(403);
        given().auth().oauth2(partner).contentType("application/json").body("{}").put("/api/v1/webhook-subscriptions/x")
                .then().statusCode(403);
        assertThat(FakeServices.get("partner").received()).isEqualTo(before + 3);
    }

    @Test
    void aTokenWithoutAnyUnionHubRoleIsForbidden() {
        given().auth().oauth2(DevTokens.role("visitor")).get(SECURED).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theMeViewIsForMembersOnly() {
        given().auth().oauth2(DevTokens.staff(UUID.randomUUID())).get("/api/v1/me").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/me").then().statusCode(401);
    }
}
