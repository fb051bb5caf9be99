package org.unionhub.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.ResidentIds;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The running suite's gateway, development tokens and valid test identities. */
final class Suite {

    static final String GATEWAY = System.getenv().getOrDefault("UNIONHUB_GATEWAY", "http://localhost:8080");
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        RestAssured.baseURI = GATEWAY;
    }

    private Suite() {
    }

    static RequestSpecification as(String token) {
        RequestSpecification r = given().contentType(ContentType.JSON);
        return token == null ? r : r.auth().oauth2(token);
    }

    static String admin() {
        return DevTokens.role("admin");
    }

    static String finance() {
        return DevTokens.role("finance");
    }

    static String staff(UUID org) {
        return DevTokens.staff(org);
    }

    /** One token holding both staff (of {@code org}) and member (for {@code member}). */
    static String staffAndMember(UUID org, UUID member) {
        return DevTokens.token("staff-and-member-" + UUID.randomUUID(), Set.of("staff", "member"), member, org,
                java.time.Duration.ofHours(1));
    }

    /**
     * A new organization; with no parent given, anything below a province gets a fresh provincial federation above it
     * (only a FEDERATION_PROVINCIAL may be the top of a tree).
     */
    static UUID org(String name, String type, UUID parent) {
        if (parent == null && !"FEDERATION_PROVINCIAL".equals(type)) {
            parent = org("省总工会", "FEDERATION_PROVINCIAL", null);
        }
        String body = "{\"name\":\"" + name + "-" + suffix() + "\",\"type\":\"" + type + "\",\"regionCode\":\"211421\""
                + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}";
        return UUID.fromString(as(admin()).body(body).post("/api/v1/organizations").then().statusCode(201).extract().path("id"));
    }

    static String joinBody(String name, String idNumber, UUID org, String channel) {
        return "{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone()
                + "\",\"employmentForm\":\"TRUCK_DRIVER\",\"employer\":\"绥中县顺达物流\",\"organizationId\":\"" + org
                + "\",\"joinChannel\":\"" + channel + "\"}";
    }

    /** An ACTIVE member enrolled on site by staff of {@code org}. */
    static UUID activeMember(UUID org, String idNumber) {
        return UUID.fromString(as(staff(org)).body(joinBody("王师傅", idNumber, org, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id"));
    }

    /** A random valid resident ID number (GB 11643 check digit computed here). */
    static String idNumber() {
        return ResidentIds.withCheckDigit("211421" + LocalDate.of(1965, 1, 1).plusDays(RANDOM.nextInt(365 * 35))
                .toString().replace("-", "") + String.format("%03d", RANDOM.nextInt(1000)));
    }

    /** A partner token bound to the benefit partner {@code partnerId} (a fuel station's till). */
    static String partnerTill(String partnerId) {
        return DevTokens.sign(DevTokens.claims("till-" + suffix(), Set.of("partner")).claim("partnerId", partnerId));
    }

    /** A member token for {@code member}. */
    static String member(UUID member) {
        return DevTokens.member(member);
    }

    /**
     * Money as the API gives it, a JSON string ("291.00") or a number (291.0): exactly that BigDecimal, compared by
     * value and scale-insensitively only where a number lost its trailing zeros.
     */
    static java.math.BigDecimal money(Object value) {
        if (value == null) {
            throw new AssertionError("no amount");
        }
        return new java.math.BigDecimal(value.toString());
    }

    /** {@code actual} (string or number) is exactly {@code expected} yuan. */
    static void assertMoney(Object actual, String expected) {
        java.math.BigDecimal a = money(actual);
        if (a.compareTo(new java.math.BigDecimal(expected)) != 0) {
            throw new AssertionError("expected " + expected + " yuan, got " + actual);
        }
        if (actual instanceof String s && !s.equals(expected)) {
            throw new AssertionError("money as a string must have two decimals: expected \"" + expected + "\", got \"" + s + "\"");
        }
    }

    /** Polls {@code probe} until {@code done} holds, at most {@code seconds}: cross-service effects travel by events. */
    static <T> T eventually(int seconds, java.util.concurrent.Callable<T> probe, java.util.function.Predicate<T> done) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(seconds))
                .pollInterval(java.time.Duration.ofMillis(200)).ignoreExceptions().until(probe, done);
    }

    static String phone() {
        return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
