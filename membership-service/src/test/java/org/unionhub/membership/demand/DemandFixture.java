package org.unionhub.membership.demand;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A union tree for demand tests: province → city → county → the truck drivers' union (leaf), with a sibling union under
 * the county, and active members in the leaf.
 */
final class DemandFixture {

    final TestData.Tree tree = TestData.tree();
    final UUID leaf = tree.leaf();
    final UUID county = tree.county();
    final UUID sibling = UUID.fromString(TestData.createOrg(TestData.admin(), "绥中县快递行业联合工会-" + TestData.suffix(),
            "INDUSTRY_JOINT", tree.county().toString()));

    UUID member() {
        return UUID.fromString(TestData.activeMember(leaf, "TRUCK_DRIVER"));
    }

    UUID memberOf(UUID org) {
        return UUID.fromString(TestData.activeMember(org, "TRUCK_DRIVER"));
    }

    static String staff(UUID org) {
        return DevTokens.staff(org);
    }

    static String member(UUID id) {
        return DevTokens.member(id);
    }

    /** One token holding both roles, as a union worker who is also a member has. */
    static String staffAndMember(UUID org, UUID memberId) {
        return DevTokens.token("staff-and-member-" + UUID.randomUUID(), Set.of("staff", "member"), memberId, org, Duration.ofHours(1));
    }

    /** The member raises a demand for himself from the app; returns its id. */
    static UUID raise(UUID memberId, String category, String text) {
        return UUID.fromString(given().auth().oauth2(member(memberId)).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"text\":\"" + text + "\"}")
                .post("/api/v1/demands").then().statusCode(201).extract().path("id"));
    }

    static UUID raise(UUID memberId) {
        return raise(memberId, "WAGE_ARREARS", "货运平台拖欠我三个月运费共8200元，多次催要未果。");
    }

    static ValidatableResponse step(String token, UUID demand, String action, String response) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"response\":\"" + response + "\"}")
                .post("/api/v1/demands/" + demand + "/" + action).then();
    }

    static ValidatableResponse get(String token, UUID demand) {
        return given().auth().oauth2(token).get("/api/v1/demands/" + demand).then();
    }

    /** A forum of the organization, held on a day of the past; returns its id. */
    static UUID forum(UUID org, String heldOn, String... opinions) {
        StringBuilder ops = new StringBuilder();
        for (String o : opinions) {
            ops.append(ops.isEmpty() ? "" : ",").append('"').append(o).append('"');
        }
        return UUID.fromString(given().auth().oauth2(staff(org)).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + org + "\",\"heldOn\":\"" + heldOn + "\",\"topic\":\"货车司机代表座谈会\","
                        + "\"minutes\":\"“心连心、一家亲”沟通机制\",\"opinions\":[" + ops + "]}")
                .post("/api/v1/forums").then().statusCode(201).extract().path("id"));
    }
}
