package org.unionhub.membership.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The demand and forum endpoints are in the OpenAPI document, with the roles in each summary and examples of the bodies. */
@QuarkusTest
class DemandOpenApiTest {

    @Test
    void everyDemandAndForumEndpointNamesItsRolesAndTheBodiesHaveExamples() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> ours = List.of("/api/v1/demands", "/api/v1/demands/{id}", "/api/v1/demands/{id}/accept",
                "/api/v1/demands/{id}/start", "/api/v1/demands/{id}/resolve", "/api/v1/demands/{id}/decline",
                "/api/v1/demands/{id}/escalate", "/api/v1/members/{id}/demands", "/api/v1/organizations/{id}/demands",
                "/api/v1/organizations/{id}/demand-figures", "/api/v1/forums", "/api/v1/forums/{id}",
                "/api/v1/organizations/{id}/forums");
        assertThat(paths).containsKeys(ours.toArray(String[]::new));
        for (String path : ours) {
            paths.get(path).forEach((method, op) -> {
                assertThat((String) op.get("summary")).as(method + " " + path).contains("roles");
                if (method.equals("post")) {
                    assertThat(doc.getString("paths.'" + path + "'.post.requestBody.content.'application/json'.examples"))
                            .as("example of POST " + path).isNotBlank();
                }
            });
        }
        assertThat(doc.getString("paths.'/api/v1/demands'.post.requestBody.content.'application/json'.examples"))
                .contains("拖欠").contains("FORUM");
        assertThat(doc.getString("paths.'/api/v1/organizations/{id}/demand-figures'.get.responses.'200'.content.'application/json'.examples"))
                .contains("opinionsHeard");
    }
}
