package org.unionhub.membership.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.membership.TestData;
import org.unionhub.platform.projection.OrganizationView;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.membership.TestData.admin;
import static org.unionhub.membership.TestData.createOrg;

@QuarkusTest
class OrganizationResourceTest {

    final ObjectMapper json = new ObjectMapper();

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static io.restassured.response.Response post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/organizations");
    }

    static String body(String name, String type, Object parent, String creditCode) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + ",\"regionCode\":\"211421\"" + (creditCode == null ? "" : ",\"creditCode\":\"" + creditCode + "\"") + "}";
    }

    @Test
    void theTreeRulesHold() {
        TestData.Tree t = TestData.tree();
        String grassroots = createOrg(admin(), "绥中县顺达物流有限公司工会", "GRASSROOTS", t.leaf().toString());
        // a grassroots union has no children
        post(admin(), body("车队分会", "GRASSROOTS", grassroots, null)).then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/organization-placement"));
        // a county federation's parent is a city or provincial one
        post(admin(), body("某县总工会", "FEDERATION_COUNTY", t.county(), null)).then().statusCode(422);
        post(admin(), body("某县总工会", "FEDERATION_COUNTY", t.province(), null)).then().statusCode(201);
        post(admin(), body("某市总工会", "FEDERATION_CITY", t.city(), null)).then().statusCode(422);
        // a parent must exist; only the top of a tree goes without one
        post(admin(), body("孤儿工会", "GRASSROOTS", UUID.randomUUID(), null)).then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        post(admin(), body("孤儿工会", "GRASSROOTS", null, null)).then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        post(admin(), body("孤儿工会", "NOT_A_TYPE", null, null)).then().statusCode(400).body("errors[0].field", equalTo("type"));
        post(admin(), "{\"name\":\"x\",\"type\":\"GRASSROOTS\",\"parentId\":\"" + t.leaf() + "\",\"regionCode\":\"21\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
    }

    @Test
    void creditCodesAreCheckedAndUnique() {
        TestData.Tree t = TestData.tree();
        String code = TestData.creditCode();
        String bad = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        post(admin(), body("坏代码工会", "GRASSROOTS", t.leaf(), bad)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("creditCode"));
        post(admin(), body("代码工会", "GRASSROOTS", t.leaf(), code.toLowerCase())).then().statusCode(201)
                .body("creditCode", equalTo(code));
        post(admin(), body("同代码工会", "GRASSROOTS", t.county(), code)).then().statusCode(409)
                .body("type", equalTo("https://unionhub.org/problems/duplicate-credit-code"));
    }

    @Test
    void creationPublishesTheSnapshotWithAncestorsRootFirstAndProjectsTheTree() throws Exception {
        TestData.Tree t = TestData.tree();
        String id = createOrg(admin(), "绥中县快递行业联合工会", "GRASSROOTS", t.county().toString());
        try (TopicProbe probe = new TopicProbe(bootstrap(), OrganizationEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> r = probe.await(rec -> id.equals(rec.key()), Duration.ofSeconds(60));
            assertThat(TopicProbe.header(r, "ce_type")).isEqualTo("org.unionhub.membership.organization.created.v1");
            assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(id);
            JsonNode data = json.readTree(r.value());
            assertThat(data.get("organizationId").asText()).isEqualTo(id);
            assertThat(data.get("name").asText()).isEqualTo("绥中县快递行业联合工会");
            assertThat(data.get("type").asText()).isEqualTo("GRASSROOTS");
            assertThat(data.get("parentId").asText()).isEqualTo(t.county().toString());
            assertThat(data.get("ancestors").toString())
                    .isEqualTo("[\"" + t.province() + "\",\"" + t.city() + "\",\"" + t.county() + "\"]");
        }
        OrganizationView view = QuarkusTransaction.requiringNew().call(() -> OrganizationView.findById(UUID.fromString(id)));
        assertThat(view.path).isEqualTo("/" + t.province() + "/" + t.city() + "/" + t.county() + "/" + id + "/");
    }

    @Test
    void staffActOnlyInsideTheirSubtreeAndOnlyAdminsFoundProvinces() {
        TestData.Tree a = TestData.tree();
        TestData.Tree b = TestData.tree();
        // staff of a city may found below any organization of their subtree (scope via organization_view)
        post(DevTokens.staff(a.city()), body("新基层工会", "GRASSROOTS", a.leaf(), null)).then().statusCode(201);
        post(DevTokens.staff(a.city()), body("越界工会", "GRASSROOTS", b.leaf(), null)).then().statusCode(403)
                .contentType("application/problem+json");
        post(DevTokens.staff(a.leaf()), body("上级工会", "FEDERATION_COUNTY", a.city(), null)).then().statusCode(403);
        post(DevTokens.staff(a.province()), body("另一个省总", "FEDERATION_PROVINCIAL", null, null)).then().statusCode(403);
        for (String role : new String[]{"member", "partner", "judge", "finance"}) {
            post(DevTokens.role(role), body("x", "GRASSROOTS", a.leaf(), null)).then().statusCode(403);
        }
    }

    @Test
    void readersAndFilters() {
        TestData.Tree t = TestData.tree();
        String tag = TestData.suffix();
        createOrg(admin(), "快递员工会" + tag, "GRASSROOTS", t.leaf().toString());
        createOrg(admin(), "外卖骑手工会" + tag, "GRASSROOTS", t.leaf().toString());
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).get("/api/v1/organizations/" + t.leaf())
                .then().statusCode(200).header("ETag", notNullValue()).body("type", equalTo("INDUSTRY_JOINT"))
                .body("ancestors", contains(t.province().toString(), t.city().toString(), t.county().toString()));
        given().auth().oauth2(DevTokens.role("partner")).get("/api/v1/organizations/" + t.leaf() + "/children?limit=1")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
        given().auth().oauth2(DevTokens.role("partner")).queryParam("q", "骑手工会" + tag)
                .get("/api/v1/organizations").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].name", equalTo("外卖骑手工会" + tag));
        given().auth().oauth2(admin()).queryParam("parentId", t.province().toString()).queryParam("type", "FEDERATION_CITY")
                .get("/api/v1/organizations").then().statusCode(200).body("items.id", hasItem(t.city().toString()));
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).get("/api/v1/organizations").then().statusCode(403);
        given().auth().oauth2(DevTokens.role("judge")).get("/api/v1/organizations/" + t.leaf()).then().statusCode(403);
        given().get("/api/v1/organizations/" + t.leaf()).then().statusCode(401);
        given().auth().oauth2(admin()).get("/api/v1/organizations/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void updatesNeedTheCurrentETagAndPublishUpdated() throws Exception {
        TestData.Tree t = TestData.tree();
        String etag = given().auth().oauth2(admin()).get("/api/v1/organizations/" + t.leaf()).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(DevTokens.staff(t.county())).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"name\":\"绥中县大货车行业联合工会（更名）\",\"regionCode\":\"211421\"}")
                .put("/api/v1/organizations/" + t.leaf()).then().statusCode(200).body("name", equalTo("绥中县大货车行业联合工会（更名）"));
        given().auth().oauth2(DevTokens.staff(t.county())).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"name\":\"再次更名\",\"regionCode\":\"211421\"}")
                .put("/api/v1/organizations/" + t.leaf()).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.staff(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"越权\",\"regionCode\":\"211421\"}")
                .put("/api/v1/organizations/" + t.leaf()).then().statusCode(403);
        try (TopicProbe probe = new TopicProbe(bootstrap(), OrganizationEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> r = probe.await(rec -> t.leaf().toString().equals(rec.key())
                    && "org.unionhub.membership.organization.updated.v1".equals(TopicProbe.header(rec, "ce_type")), Duration.ofSeconds(60));
            assertThat(json.readTree(r.value()).get("name").asText()).isEqualTo("绥中县大货车行业联合工会（更名）");
        }
    }

    @Test
    void statsCountActiveMembersOfTheWholeSubtreeByEmploymentFormAndCards() {
        TestData.Tree t = TestData.tree();
        String grassroots = createOrg(admin(), "快递网点工会", "GRASSROOTS", t.leaf().toString());
        String m1 = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        TestData.activeMember(UUID.fromString(grassroots), "COURIER");
        String gone = TestData.activeMember(t.county(), "COURIER");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"reason\":\"退会\"}")
                .post("/api/v1/members/" + gone + "/leave").then().statusCode(200);
        given().auth().oauth2(admin()).post("/api/v1/members/" + m1 + "/cards").then().statusCode(201);
        given().auth().oauth2(DevTokens.staff(t.city())).get("/api/v1/organizations/" + t.county() + "/stats")
                .then().statusCode(200)
                .body("activeMembers", equalTo(3))
                .body("activeMembersByEmploymentForm.TRUCK_DRIVER", equalTo(2))
                .body("activeMembersByEmploymentForm.COURIER", equalTo(1))
                .body("activeMembersByEmploymentForm.FOOD_DELIVERY", equalTo(0))
                .body("cardsIssued", equalTo(1));
        given().auth().oauth2(DevTokens.staff(t.city())).get("/api/v1/organizations/" + grassroots + "/stats")
                .then().statusCode(200).body("activeMembers", equalTo(1));
        given().auth().oauth2(DevTokens.staff(t.leaf())).get("/api/v1/organizations/" + t.county() + "/stats").then().statusCode(403);
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).get("/api/v1/organizations/" + t.county() + "/stats").then().statusCode(403);
    }
}
