package org.unionhub.membership.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.TestData;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.membership.demand.DemandFixture.member;
import static org.unionhub.membership.demand.DemandFixture.staff;
import static org.unionhub.membership.demand.DemandFixture.staffAndMember;

/** A demand from the member's phone to the union's answer, and who may see and move it. */
@QuarkusTest
class DemandLifecycleTest {

    static final String ARREARS = "货运平台拖欠我三个月运费共8200元，多次催要未果。";

    @Test
    void aMemberRaisesFromTheAppAndReadsEveryAnswerInChinese() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        JsonPath created = given().auth().oauth2(member(driver)).contentType(ContentType.JSON)
                .body("{\"category\":\"WAGE_ARREARS\",\"text\":\"" + ARREARS + "\"}")
                .post("/api/v1/demands").then().statusCode(201)
                .header("Location", containsString("/api/v1/demands/")).header("ETag", notNullValue())
                .body("status", equalTo("RECEIVED")).body("channel", equalTo("APP"))
                .body("memberId", equalTo(driver.toString()))
                .body("organizationId", equalTo(f.leaf.toString()))
                .body("text", equalTo(ARREARS))
                .body("history", hasSize(1)).body("history[0].kind", equalTo("RECEIVED"))
                .extract().jsonPath();
        UUID id = UUID.fromString(created.getString("id"));
        Instant raisedAt = Instant.parse(created.getString("raisedAt"));
        assertThat(Instant.parse(created.getString("dueAt"))).isEqualTo(raisedAt.plus(Duration.ofDays(15)));

        String staff = staff(f.leaf);
        DemandFixture.step(staff, id, "accept", "已受理，县总工会法律援助律师将与您联系。").statusCode(200).body("status", equalTo("ACCEPTED"));
        DemandFixture.step(staff, id, "start", "律师已向货运平台发出催款函。").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        DemandFixture.step(staff, id, "resolve", "拖欠的三个月运费8200元已结清。").statusCode(200)
                .body("status", equalTo("RESOLVED")).body("closedAt", notNullValue());

        given().auth().oauth2(member(driver)).get("/api/v1/members/" + driver + "/demands").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].text", equalTo(ARREARS))
                .body("items[0].history.kind", org.hamcrest.Matchers.contains("RECEIVED", "ACCEPTED", "IN_PROGRESS", "RESOLVED"))
                .body("items[0].history[3].response", equalTo("拖欠的三个月运费8200元已结清。"))
                .body("items[0].history[3].actor", notNullValue())
                .body("items[0].history[3].at", notNullValue());
        given().auth().oauth2(member(driver)).queryParam("open", true).get("/api/v1/members/" + driver + "/demands")
                .then().statusCode(200).body("items", hasSize(0));
        // nothing leaves RESOLVED
        DemandFixture.step(staff, id, "decline", "重复").statusCode(409)
                .body("type", equalTo("https://unionhub.org/problems/demand-status")).body("currentStatus", equalTo("RESOLVED"));
        DemandFixture.step(staff, id, "escalate", "转交").statusCode(409);
    }

    @Test
    void stepsOutOfOrderAreRefusedAndAStaleIfMatchIs412() {
        DemandFixture f = new DemandFixture();
        UUID id = DemandFixture.raise(f.member());
        DemandFixture.step(staff(f.leaf), id, "resolve", "已解决").statusCode(409).body("currentStatus", equalTo("RECEIVED"));
        DemandFixture.step(staff(f.leaf), id, "start", "办理中").statusCode(409);
        String etag = DemandFixture.get(staff(f.leaf), id).statusCode(200).extract().header("ETag");
        DemandFixture.step(staff(f.leaf), id, "accept", "已受理").statusCode(200);
        given().auth().oauth2(staff(f.leaf)).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"response\":\"办理中\"}").post("/api/v1/demands/" + id + "/start").then().statusCode(412);
        // a demand outside the union's remit may be declined at once, with the reason the member reads
        UUID other = DemandFixture.raise(f.member(), "OTHER", "希望开通去沈阳的班车");
        DemandFixture.step(staff(f.leaf), other, "decline", "该事项属交通运输部门职责，请拨打12328。").statusCode(200)
                .body("status", equalTo("DECLINED")).body("history[1].response", equalTo("该事项属交通运输部门职责，请拨打12328。"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID elsewhere = f.memberOf(f.sibling);
        String m = member(driver);
        String s = staff(f.leaf);
        assertField(m, "{\"category\":\"WAGES\",\"text\":\"x\"}", "category");
        assertField(m, "{\"text\":\"x\"}", "category");
        assertField(m, "{\"category\":\"OTHER\",\"text\":\"  \"}", "text");
        assertField(m, "{\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"PHONE\"}", "channel");
        assertField(m, "{\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"VISIT\"}", "channel");
        assertField(m, "{\"memberId\":\"not-a-uuid\",\"category\":\"OTHER\",\"text\":\"x\"}", "memberId");
        assertField(m, "{\"category\":\"OTHER\",\"text\":\"x\",\"answeringOrganizationId\":\"" + f.sibling + "\"}", "answeringOrganizationId");
        assertField(s, "{\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"VISIT\"}", "memberId");
        assertField(s, "{\"memberId\":\"" + driver + "\",\"category\":\"OTHER\",\"text\":\"x\"}", "channel");
        assertField(s, "{\"memberId\":\"" + driver + "\",\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"FORUM\"}", "forumId");
        assertField(s, "{\"memberId\":\"" + driver + "\",\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"VISIT\",\"forumId\":\""
                + UUID.randomUUID() + "\"}", "forumId");
        assertField(s, "{\"memberId\":\"" + UUID.randomUUID() + "\",\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"VISIT\"}", "memberId");
        UUID siblingForum = DemandFixture.forum(f.sibling, "2026-01-15");
        assertField(s, "{\"memberId\":\"" + driver + "\",\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"FORUM\",\"forumId\":\""
                + siblingForum + "\"}", "forumId");

        UUID id = DemandFixture.raise(driver);
        given().auth().oauth2(s).contentType(ContentType.JSON).body("{}").post("/api/v1/demands/" + id + "/accept")
                .then().statusCode(400).body("errors[0].field", equalTo("response"));

        forumField(s, "{\"organizationId\":\"" + f.leaf + "\",\"heldOn\":\"2999-01-01\",\"topic\":\"座谈\"}", "heldOn");
        forumField(s, "{\"organizationId\":\"" + f.leaf + "\",\"heldOn\":\"2026-01-32\",\"topic\":\"座谈\"}", "heldOn");
        forumField(s, "{\"organizationId\":\"" + f.leaf + "\",\"heldOn\":\"2026-01-05\"}", "topic");
        forumField(s, "{\"organizationId\":\"" + f.leaf + "\",\"heldOn\":\"2026-01-05\",\"topic\":\"座谈\",\"representativeMemberIds\":[\""
                + elsewhere + "\"]}", "representativeMemberIds[0]");
        forumField(s, "{\"organizationId\":\"" + f.leaf + "\",\"heldOn\":\"2026-01-05\",\"topic\":\"座谈\",\"opinions\":[\"好\",\"\"]}", "opinions[1]");
        forumField(s, "{\"organizationId\":\"" + UUID.randomUUID() + "\",\"heldOn\":\"2026-01-05\",\"topic\":\"座谈\"}", "organizationId");

        given().auth().oauth2(s).queryParam("year", 1800).get("/api/v1/organizations/" + f.leaf + "/demand-figures")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(s).queryParam("limit", 0).get("/api/v1/organizations/" + f.leaf + "/demands")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(m).queryParam("cursor", "@@@").get("/api/v1/members/" + driver + "/demands")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void onlyAnActiveMemberRaisesDemands() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        given().auth().oauth2(staff(f.leaf)).contentType(ContentType.JSON).body("{\"reason\":\"欠缴会费\"}")
                .post("/api/v1/members/" + driver + "/suspend").then().statusCode(200);
        given().auth().oauth2(member(driver)).contentType(ContentType.JSON).body("{\"category\":\"OTHER\",\"text\":\"x\"}")
                .post("/api/v1/demands").then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/member-not-active"));
    }

    @Test
    void aMemberReachesOnlyHisOwnAndAddingStaffToHisTokenNeverWidensIt() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID other = f.member();
        UUID id = DemandFixture.raise(driver);
        DemandFixture.get(member(driver), id).statusCode(200);
        DemandFixture.get(member(other), id).statusCode(403);
        given().auth().oauth2(member(other)).get("/api/v1/members/" + driver + "/demands").then().statusCode(403);
        given().auth().oauth2(member(other)).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + driver + "\",\"category\":\"OTHER\",\"text\":\"冒名\"}").post("/api/v1/demands")
                .then().statusCode(403);
        DemandFixture.step(member(driver), id, "resolve", "自己解决").statusCode(403);

        // staff of the sibling union who is also this member: judged by his staff scope only
        String mixed = staffAndMember(f.sibling, driver);
        DemandFixture.get(mixed, id).statusCode(403);
        given().auth().oauth2(mixed).get("/api/v1/members/" + driver + "/demands").then().statusCode(403);
        given().auth().oauth2(mixed).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + driver + "\",\"category\":\"OTHER\",\"text\":\"x\",\"channel\":\"VISIT\"}")
                .post("/api/v1/demands").then().statusCode(403);
        given().auth().oauth2(mixed).contentType(ContentType.JSON).body("{\"category\":\"OTHER\",\"text\":\"x\"}")
                .post("/api/v1/demands").then().statusCode(400).body("errors[0].field", equalTo("memberId"));
        // and a member token of the leaf's member with staff of the leaf acts as staff, for any member of the leaf
        String leafMixed = staffAndMember(f.leaf, other);
        DemandFixture.get(leafMixed, id).statusCode(200);
        DemandFixture.get(staff(f.sibling), id).statusCode(403);
        DemandFixture.step(staff(f.sibling), id, "accept", "越权").statusCode(403);
        DemandFixture.get(staff(f.county), id).statusCode(200);
        given().auth().oauth2(member(driver)).get("/api/v1/demands/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void staffRecordADemandHeardAtTheForum() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID rep = f.member();
        String forum = given().auth().oauth2(staff(f.leaf)).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + f.leaf + "\",\"heldOn\":\"2026-03-15\",\"topic\":\"“心连心、一家亲”货车司机代表座谈会\","
                        + "\"representativeMemberIds\":[\"" + rep + "\",\"" + driver + "\",\"" + rep + "\"],"
                        + "\"minutes\":\"司机们反映加油、维修负担重。\",\"opinions\":[\"加油、维修负担重\",\"希望提供免费法律咨询\"]}")
                .post("/api/v1/forums").then().statusCode(201)
                .header("Location", containsString("/api/v1/forums/"))
                .body("topic", equalTo("“心连心、一家亲”货车司机代表座谈会"))
                .body("representatives", hasSize(2)).body("opinionsHeard", equalTo(2))
                .extract().path("id");
        UUID demand = UUID.fromString(given().auth().oauth2(staff(f.leaf)).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + driver + "\",\"category\":\"PARKING_AND_CHARGING\",\"text\":\"102国道服务区夜间停车位不足\","
                        + "\"channel\":\"FORUM\",\"forumId\":\"" + forum + "\"}")
                .post("/api/v1/demands").then().statusCode(201)
                .body("channel", equalTo("FORUM")).body("forumId", equalTo(forum)).body("raisedBy", notNullValue())
                .extract().path("id"));
        given().auth().oauth2(staff(f.county)).get("/api/v1/forums/" + forum).then().statusCode(200)
                .body("demandsRecorded", equalTo(1)).body("opinions[0]", equalTo("加油、维修负担重"))
                .body("minutes", equalTo("司机们反映加油、维修负担重。"));
        given().auth().oauth2(staff(f.sibling)).get("/api/v1/forums/" + forum).then().statusCode(403);
        given().auth().oauth2(staff(f.county)).queryParam("year", 2026).get("/api/v1/organizations/" + f.county + "/forums")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(forum));
        // the member sees the demand staff recorded for him
        given().auth().oauth2(member(driver)).get("/api/v1/members/" + driver + "/demands").then().statusCode(200)
                .body("items[0].id", equalTo(demand.toString()));
    }

    private static void assertField(String token, String body, String field) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/demands").then()
                .statusCode(400).body("errors[0].field", equalTo(field));
    }

    private static void forumField(String token, String body, String field) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/forums").then()
                .statusCode(400).body("errors[0].field", equalTo(field));
    }
}
