package org.unionhub.membership.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.membership.TestData.admin;
import static org.unionhub.membership.TestData.joinBody;

/**
 * Issue 13, findings 2 and 3: a token carrying staff is judged by its staff subtree whatever else it carries, and a
 * transfer's target must lie in that subtree too.
 */
@QuarkusTest
class ScopedMembershipChecksTest {

    /** A union clerk who is also a member himself: both roles in one token, as an identity provider may well issue. */
    static String staffAndMember(UUID orgId, UUID memberId) {
        return DevTokens.token("clerk-" + UUID.randomUUID(), Set.of("staff", "member"), memberId, orgId, Duration.ofHours(1));
    }

    static long membersNamed(String name) {
        return given().auth().oauth2(admin()).queryParam("q", name).get("/api/v1/members")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void aStaffTokenThatAlsoCarriesMemberCannotEnrolOutsideItsSubtree() {
        TestData.Tree mine = TestData.tree();
        TestData.Tree foreign = TestData.tree();
        String token = staffAndMember(mine.leaf(), UUID.fromString(TestData.activeMember(mine.leaf(), "COURIER")));
        String name = "越权入会" + TestData.suffix();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(joinBody(name, TestData.idNumber(), TestData.phone(), "COURIER", foreign.leaf(), "ON_SITE"))
                .post("/api/v1/members").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(joinBody(name, TestData.idNumber(), TestData.phone(), "COURIER", foreign.leaf(), "ONLINE"))
                .post("/api/v1/members").then().statusCode(403);
        org.assertj.core.api.Assertions.assertThat(membersNamed(name)).isZero();
        // inside its own subtree the same token enrols as staff do
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(joinBody(name, TestData.idNumber(), TestData.phone(), "COURIER", mine.leaf(), "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aStaffTokenThatAlsoCarriesMemberIsJudgedByItsScopeEvenOnItsOwnMemberRecord() {
        TestData.Tree home = TestData.tree();
        TestData.Tree work = TestData.tree();
        UUID self = UUID.fromString(TestData.activeMember(home.leaf(), "COURIER"));
        String card = given().auth().oauth2(admin()).post("/api/v1/members/" + self + "/cards").then().statusCode(201)
                .extract().path("number");
        String token = staffAndMember(work.leaf(), self);
        given().auth().oauth2(token).get("/api/v1/members/" + self).then().statusCode(403);
        given().auth().oauth2(token).get("/api/v1/members/" + self + "/history").then().statusCode(403);
        given().auth().oauth2(token).post("/api/v1/cards/" + card + "/block").then().statusCode(403);
        given().auth().oauth2(admin()).get("/api/v1/members/" + self + "/cards").then().statusCode(200)
                .body("items[0].status", equalTo("VALID"));
        // the same person's plain member token still reads his own record
        given().auth().oauth2(DevTokens.member(self)).get("/api/v1/members/" + self).then().statusCode(200);
    }

    @Test
    void aStaffTokenThatAlsoCarriesPartnerReadsStatsOnlyInsideItsSubtree() {
        TestData.Tree mine = TestData.tree();
        TestData.Tree foreign = TestData.tree();
        String staffAndPartner = DevTokens.token("clerk-" + UUID.randomUUID(), Set.of("staff", "partner"), null, mine.leaf(),
                Duration.ofHours(1));
        given().auth().oauth2(staffAndPartner).get("/api/v1/organizations/" + foreign.county() + "/stats").then().statusCode(403);
        given().auth().oauth2(staffAndPartner).get("/api/v1/organizations/" + mine.leaf() + "/stats").then().statusCode(200);
        given().auth().oauth2(DevTokens.role("partner")).get("/api/v1/organizations/" + foreign.county() + "/stats").then().statusCode(200);
    }

    @Test
    void aTransferTargetOutsideTheActorsSubtreeIs403AndMovesNobody() {
        TestData.Tree a = TestData.tree();
        TestData.Tree b = TestData.tree();
        String id = TestData.activeMember(a.leaf(), "TRUCK_DRIVER");
        given().auth().oauth2(DevTokens.staff(a.leaf())).contentType(ContentType.JSON)
                .body("{\"toOrganizationId\":\"" + b.leaf() + "\"}").post("/api/v1/members/" + id + "/transfer")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.staff(a.county())).contentType(ContentType.JSON)
                .body("{\"toOrganizationId\":\"" + b.county() + "\"}").post("/api/v1/members/" + id + "/transfer")
                .then().statusCode(403);
        given().auth().oauth2(admin()).get("/api/v1/members/" + id).then().statusCode(200)
                .body("organizationId", equalTo(a.leaf().toString()));
        given().auth().oauth2(admin()).get("/api/v1/members/" + id + "/history").then().statusCode(200)
                .body("items.size()", equalTo(1));
        // within one subtree: staff above both organizations move him
        String sibling = TestData.createOrg(admin(), "绥中县网约车行业联合工会-" + TestData.suffix(), "INDUSTRY_JOINT", a.county().toString());
        given().auth().oauth2(DevTokens.staff(a.county())).contentType(ContentType.JSON)
                .body("{\"toOrganizationId\":\"" + sibling + "\"}").post("/api/v1/members/" + id + "/transfer")
                .then().statusCode(200).body("organizationId", equalTo(sibling));
    }
}
