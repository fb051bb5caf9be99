package org.unionhub.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionhub.e2e.Suite.activeMember;
import static org.unionhub.e2e.Suite.admin;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.joinBody;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.staff;
import static org.unionhub.e2e.Suite.staffAndMember;

/**
 * Issue 13's findings tried through the gateway of the running suite as an attacker with valid tokens of the wrong
 * scope would: a grassroots clerk, a sibling city's staff, a token with an extra role, a judge's role without an
 * appointment, a member token with someone else's ID number, a token issued for another application. Each is refused
 * and nothing is written.
 */
class WrongScopeThroughTheGatewayTest {

    static UUID province;
    static UUID cityA;
    static UUID cityB;
    static UUID memberA;
    static String memberAIdNumber;

    @BeforeAll
    static void twoSiblingCities() {
        province = org("辽宁省总工会", "FEDERATION_PROVINCIAL", null);
        cityA = org("葫芦岛市总工会", "FEDERATION_CITY", province);
        cityB = org("锦州市总工会", "FEDERATION_CITY", province);
        memberAIdNumber = idNumber();
        memberA = activeMember(cityA, memberAIdNumber);
    }

    @Test
    void nationalRulesAreNotForAnyStaffEvenTheProvince() {
        Response program = as(null).get("/api/v1/programs/TARGETED_MEDICAL");
        assertThat(program.statusCode()).isEqualTo(200);
        String etag = program.header("ETag");
        for (String token : new String[] {staff(cityA), staff(province)}) {
            assertThat(as(token).header("If-Match", etag)
                    .body("{\"name\":\"改掉封顶\",\"money\":true,\"capPerPersonYear\":\"99999999.00\"}")
                    .put("/api/v1/programs/TARGETED_MEDICAL").statusCode()).isEqualTo(403);
            assertThat(as(token).body("{\"year\":2031,\"amount\":\"100000000.00\"}")
                    .post("/api/v1/programs/TARGETED_MEDICAL/funds").statusCode()).isEqualTo(403);
            assertThat(as(token).body("{\"code\":\"FAKE_" + Suite.suffix().toUpperCase() + "\",\"name\":\"假病\",\"category\":\"OTHER\"}")
                    .post("/api/v1/green-channel/diseases").statusCode()).isEqualTo(403);
            assertThat(as(token).body("{\"name\":\"某加油站\",\"category\":\"FUEL\",\"discountRate\":\"0.01\"}")
                    .post("/api/v1/benefit-partners").statusCode()).isEqualTo(403);
        }
        // nothing written: the program is at the same version
        assertThat(as(null).get("/api/v1/programs/TARGETED_MEDICAL").header("ETag")).isEqualTo(etag);
    }

    @Test
    void anExtraMemberRoleDoesNotLetStaffEnrolOutsideTheirSubtree() {
        String mixed = staffAndMember(cityA, memberA);
        int before = membersOf(cityB);
        assertThat(as(mixed).body(joinBody("李师傅", idNumber(), cityB, "ON_SITE")).post("/api/v1/members").statusCode())
                .isEqualTo(403);
        assertThat(membersOf(cityB)).isEqualTo(before);
    }

    @Test
    void staffCannotTransferAMemberOutOfTheirReach() {
        assertThat(as(staff(cityA)).body("{\"toOrganizationId\":\"" + cityB + "\"}")
                .post("/api/v1/members/" + memberA + "/transfer").statusCode()).isEqualTo(403);
        assertThat(as(staff(cityA)).get("/api/v1/members/" + memberA).then().extract().<String>path("organizationId"))
                .isEqualTo(cityA.toString());
    }

    @Test
    void aVenueCannotBeHungUnderAnotherSubtreesVenueNorFundItself() {
        UUID venueB = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> createVenue(staff(cityB), cityB, null), id -> id != null);
        assertThat(as(staff(cityA)).body(venueJson(cityA, venueB)).post("/api/v1/venues").statusCode()).isEqualTo(403);
        // a budget belongs to a federation above the venues it funds: a city does not set its own
        assertThat(as(staff(cityA)).body("{\"year\":2031,\"amount\":\"500000.00\",\"organizationId\":\"" + cityA + "\"}")
                .post("/api/v1/subsidy-budgets").statusCode()).isEqualTo(403);
    }

    @Test
    void aChiefJudgeOrJudgeWithoutAnAppointmentDoesNothingInTheCompetition() {
        String competition = as(staff(cityA)).body("{\"name\":\"葫芦岛市货车司机技能竞赛\",\"industry\":\"TRANSPORT\",\"level\":\"CITY\","
                        + "\"stage\":\"FINAL\",\"organizers\":[\"葫芦岛市总工会\"],\"location\":\"葫芦岛\",\"startsOn\":\"2026-05-01\","
                        + "\"endsOn\":\"2026-05-02\",\"teamSize\":1,\"items\":[{\"code\":\"THEORY\",\"name\":\"理论知识\",\"weight\":100,"
                        + "\"maxScore\":100,\"kind\":\"MEASUREMENT\"}],\"tieBreakOrder\":[]}")
                .post("/api/v1/competitions").then().statusCode(201).extract().path("id");
        String chief = DevTokens.role("chief-judge", "chief-judge-of-another-" + Suite.suffix());
        String judge = DevTokens.role("judge", "judge-of-another-" + Suite.suffix());
        assertThat(as(chief).body("{\"individualQuotas\":{\"FIRST\":100000},\"teamQuotas\":{}}")
                .post("/api/v1/competitions/" + competition + "/publish").statusCode()).isEqualTo(403);
        assertThat(as(judge).get("/api/v1/competitions/" + competition + "/teams").statusCode()).isIn(403, 404);
        assertThat(as(judge).get("/api/v1/competitions/" + competition + "/marks/flags").statusCode()).isIn(403, 404);
        assertThat(as(admin()).get("/api/v1/competitions/" + competition).then().extract().<String>path("status"))
                .isNotEqualTo("PUBLISHED");
    }

    @Test
    void aMemberAccountCannotJoinInSomeoneElsesNameNorLearnHisStatus() {
        String stranger = DevTokens.token("account-" + Suite.suffix(), Set.of("member"), null, null, Duration.ofHours(1));
        int before = membersOf(cityA);
        Response answer = as(stranger).body(joinBody("王师傅", memberAIdNumber, cityA, "ONLINE")).post("/api/v1/members");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.asString()).doesNotContain("currentStatus").doesNotContain("ACTIVE").doesNotContain(memberA.toString());
        assertThat(membersOf(cityA)).isEqualTo(before);
    }

    @Test
    void aTokenIssuedForAnotherApplicationIsRefusedAtTheGateway() {
        String foreign = DevTokens.sign(DevTokens.claims("admin-of-another-app", Set.of("admin")).audience("another-app"));
        assertThat(as(foreign).get("/api/v1/members/" + memberA).statusCode()).isEqualTo(401);
        assertThat(as(foreign).body("{\"name\":\"伪造\",\"type\":\"FEDERATION_PROVINCIAL\",\"regionCode\":\"210000\"}")
                .post("/api/v1/organizations").statusCode()).isEqualTo(401);
    }

    private static int membersOf(UUID org) {
        return as(admin()).queryParam("organizationId", org).queryParam("limit", 200).get("/api/v1/members")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    private static UUID createVenue(String token, UUID org, UUID parent) {
        Response r = as(token).body(venueJson(org, parent)).post("/api/v1/venues");
        return r.statusCode() == 201 ? UUID.fromString(r.path("id")) : null;
    }

    private static String venueJson(UUID org, UUID parent) {
        return "{\"name\":\"户外劳动者服务站\",\"kind\":\"OUTDOOR_STATION\",\"level\":\"COMMUNITY\","
                + (parent == null ? "" : "\"parentVenueId\":\"" + parent + "\",")
                + "\"organizationId\":\"" + org + "\",\"address\":\"葫芦岛市龙港区\",\"location\":{\"lat\":40.71,\"lon\":120.83},"
                + "\"areaSqm\":60.00,\"amenities\":[],\"openingHours\":{},\"operatingModel\":\"PUBLIC\",\"openedOn\":\"2022-11-20\"}";
    }
}
