package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ApiDocumentsTest {

    private static String doc(String service, String path, String schemaName, String schemaType) {
        JsonObject schemaRef = new JsonObject().put("$ref", "#/components/schemas/" + schemaName);
        JsonObject ok = new JsonObject().put("description", "ok")
                .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schemaRef)));
        JsonObject get = new JsonObject().put("summary", service + " list. Role: staff")
                .put("responses", new JsonObject().put("200", ok));
        JsonObject paths = new JsonObject()
                .put(path, new JsonObject().put("get", get))
                // a path the gateway does not route to this service stays out
                .put("/q/internal", new JsonObject().put("get", new JsonObject().put("summary", "internal")));
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", service).put("version", "1"))
                .put("tags", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", service + "-tag")))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put(schemaName, new JsonObject().put("type", schemaType))))
                .encode();
    }

    private static void serve(String service, String body) {
        FakeServices.get(service).answer("/q/openapi", req -> req.response().putHeader("Content-Type", "application/json").end(body));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/openapi")
    java.net.URI openapi;

    /** The merged document, with a timeout of its own so a slow answer is retried by the await. */
    private JsonObject merged() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(openapi).timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    @AfterEach
    void heal() {
        for (String s : new String[]{"membership", "venue", "assistance", "competition"}) {
            FakeServices.get(s).reset();
        }
    }

    @Test
    void oneDocumentWithEveryServicesPathsAndTheGatewaysOwn() {
        serve("membership", doc("membership", "/api/v1/members", "Page", "object"));
        serve("venue", doc("venue", "/api/v1/venues", "Page", "array"));
        serve("assistance", doc("assistance", "/api/v1/programs", "Program", "object"));
        serve("competition", doc("competition", "/api/v1/competitions", "Competition", "object"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath d = new JsonPath(merged().encode());
            Map<String, Object> paths = d.getMap("paths");
            assertThat(paths).containsKeys("/api/v1/members", "/api/v1/venues", "/api/v1/programs", "/api/v1/competitions",
                    "/api/v1/me", "/api/v1/me/nearby");
            assertThat(paths).doesNotContainKey("/q/internal");
            // the same schema name with another shape is renamed, and so is its reference
            assertThat(d.getString("components.schemas.Page.type")).isEqualTo("object");
            assertThat(d.getString("components.schemas.venue_Page.type")).isEqualTo("array");
            assertThat(d.getString("paths.'/api/v1/venues'.get.responses.'200'.content.'application/json'.schema.$ref"))
                    .isEqualTo("#/components/schemas/venue_Page");
            assertThat(d.getString("paths.'/api/v1/me'.get.summary")).contains("Role: member");
            // the test-only routes (slow, dropping, erroring, flaky, down) publish no document
            assertThat(d.getList("info.x-unavailable")).doesNotContain("membership", "venue", "assistance", "competition");
        });
    }

    @Test
    void aServiceThatChangesItsDocumentIsSeenAtTheNextRefresh() {
        serve("competition", doc("competition", "/api/v1/competitions", "Competition", "object"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(merged().getJsonObject("paths").getJsonObject("/api/v1/competitions").getJsonObject("get").getString("summary"))
                        .isEqualTo("competition list. Role: staff"));
        serve("competition", doc("competition", "/api/v1/competitions/{id}/entries", "Competition", "object"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(merged().getJsonObject("paths").fieldNames()).contains("/api/v1/competitions/{id}/entries"));
    }

    @Test
    void swaggerUiIsServed() {
        given().redirects().follow(true).get("/swagger-ui/").then().statusCode(200);
    }

    @Test
    void asyncApiDescribesTheTopicsFromTheServicesEventSchemas() {
        JsonPath a = given().get("/asyncapi").then().statusCode(200).extract().jsonPath();
        assertThat(a.getString("asyncapi")).isEqualTo("3.0.0");
        assertThat(a.getList("channels.collect { it.value.address }", String.class)).containsExactlyInAnyOrder(
                "membership.member.v1", "membership.organization.v1", "venue.v1", "assistance.v1", "competition.v1",
                "partner.{partnerId}.v1", "partner.v1");
        // built from competition-service/src/main/resources/events
        assertThat(a.getString("components.messages.'org.unionhub.competition.award.granted.v1'.headers.properties.ce_type.const"))
                .isEqualTo("org.unionhub.competition.award.granted.v1");
        assertThat(a.getString("channels.'competition.v1'.messages.'org.unionhub.competition.award.granted.v1'.$ref"))
                .isEqualTo("#/components/messages/org.unionhub.competition.award.granted.v1");
        // membership's real types, on their topic
        assertThat(a.getMap("channels.'membership.member.v1'.messages")).containsKeys(
                "org.unionhub.membership.member.joined.v1", "org.unionhub.membership.card.issued.v1",
                "org.unionhub.membership.honor.recorded.v1");
        assertThat(a.getString("servers.partner-kafka.host")).isEqualTo("kafka-partners.unionhub.org:9094");
    }
}
