package org.unionhub.membership;

import io.restassured.http.ContentType;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.ResidentIds;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Valid test identities (check digits computed here, independently of the code under test) and API shortcuts. */
public final class TestData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestData() {
    }

    public static String admin() {
        return DevTokens.role("admin");
    }

    /** ISO 7064 MOD 11-2 over the first 17 digits. */
    public static String withIdCheckDigit(String first17) {
        return ResidentIds.withCheckDigit(first17);
    }

    /** A random valid resident ID number: random region, a birth date 1960-2004, random sequence. */
    public static String idNumber() {
        String region = String.valueOf(110000 + RANDOM.nextInt(540000));
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(365 * 45));
        String seq = String.format("%03d", RANDOM.nextInt(1000));
        return withIdCheckDigit(region + birth.toString().replace("-", "") + seq);
    }

    /** The n-th of a family of distinct valid numbers (for bulk files). */
    public static String idNumber(String region6, int n) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 1000);
        return withIdCheckDigit(region6 + birth.toString().replace("-", "") + String.format("%03d", n % 1000));
    }

    public static String phone() {
        return "13" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
    }

    public static String creditCode() {
        StringBuilder sb = new StringBuilder("91");
        for (int i = 0; i < 15; i++) {
            sb.append(CREDIT_ALPHABET.charAt(RANDOM.nextInt(CREDIT_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_ALPHABET.indexOf(sb.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return sb.append(CREDIT_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    public static String createOrg(String token, String name, String type, String parentId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"parentId\":" + (parentId == null ? "null" : "\"" + parentId + "\"")
                        + ",\"regionCode\":\"211421\"}")
                .post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
    }

    /** A fresh provincial → city → county → grassroots chain; ids in that order. */
    public static Tree tree() {
        String p = createOrg(admin(), "辽宁省总工会-" + suffix(), "FEDERATION_PROVINCIAL", null);
        String c = createOrg(admin(), "葫芦岛市总工会-" + suffix(), "FEDERATION_CITY", p);
        String county = createOrg(admin(), "绥中县总工会-" + suffix(), "FEDERATION_COUNTY", c);
        String g = createOrg(admin(), "绥中县大货车行业联合工会-" + suffix(), "INDUSTRY_JOINT", county);
        return new Tree(UUID.fromString(p), UUID.fromString(c), UUID.fromString(county), UUID.fromString(g));
    }

    public record Tree(UUID province, UUID city, UUID county, UUID leaf) {
    }

    public static String joinBody(String name, String idNumber, String phone, String form, UUID org, String channel) {
        return "{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone + "\",\"employmentForm\":\""
                + form + "\",\"employer\":\"顺达物流\",\"organizationId\":\"" + org + "\",\"joinChannel\":\"" + channel + "\"}";
    }

    /** An ACTIVE member enrolled on site by staff of the organization. */
    public static String activeMember(UUID org, String form) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(joinBody("会员" + suffix(), idNumber(), phone(), form, org, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
