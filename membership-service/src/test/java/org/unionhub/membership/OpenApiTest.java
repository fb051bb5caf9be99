package org.unionhub.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint is in the OpenAPI document with a summary that names the roles. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDescribedWithItsRoles() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/organizations", "/api/v1/organizations/{id}", "/api/v1/organizations/{id}/children",
                "/api/v1/organizations/{id}/stats", "/api/v1/members", "/api/v1/members/{id}", "/api/v1/members/{id}/approve",
                "/api/v1/members/{id}/reject", "/api/v1/members/{id}/transfer", "/api/v1/members/{id}/suspend",
                "/api/v1/members/{id}/reinstate", "/api/v1/members/{id}/leave", "/api/v1/members/{id}/history",
                "/api/v1/members/{id}/cards", "/api/v1/members/{id}/savings", "/api/v1/members/{id}/honors",
                "/api/v1/benefit-partners", "/api/v1/cards/{number}/block", "/api/v1/cards/{number}/redemptions",
                "/api/v1/member-imports", "/api/v1/member-imports/{id}");
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (path.startsWith("/api/") && List.of("get", "post", "put", "delete", "patch").contains(method)) {
                assertThat((String) op.get("summary")).as(method + " " + path).isNotBlank().contains("roles");
            }
        }));
        assertThat(doc.getString("paths.'/api/v1/members'.post.requestBody.content.'application/json'.examples"))
                .contains("11010519491231002X");
    }
}
