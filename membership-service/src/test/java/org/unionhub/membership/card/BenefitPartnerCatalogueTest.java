package org.unionhub.membership.card;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.unionhub.membership.TestData.admin;

/** Issue 13, finding 1: the benefit-partner catalogue is one for every union, so only an admin adds to it. */
@QuarkusTest
class BenefitPartnerCatalogueTest {

    static String body(String name) {
        return "{\"name\":\"" + name + "\",\"category\":\"FUEL\",\"discountRate\":\"0.10\"}";
    }

    @Test
    void staffOfAnyOrganizationCannotAddToTheGlobalCatalogue() {
        TestData.Tree t = TestData.tree();
        String name = "一折加油站-" + TestData.suffix();
        for (String staff : new String[]{DevTokens.staff(t.leaf()), DevTokens.staff(t.province())}) {
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(body(name))
                    .post("/api/v1/benefit-partners").then().statusCode(403);
        }
        given().auth().oauth2(DevTokens.role("partner")).contentType(ContentType.JSON).body(body(name))
                .post("/api/v1/benefit-partners").then().statusCode(403);
        given().auth().oauth2(admin()).queryParam("limit", 200).get("/api/v1/benefit-partners?category=FUEL").then().statusCode(200)
                .body("items.name", not(hasItem(name)));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body(name))
                .post("/api/v1/benefit-partners").then().statusCode(201);
        // reading stays open to members, staff and partners
        for (String reader : new String[]{DevTokens.staff(t.leaf()), DevTokens.role("member"), DevTokens.role("partner")}) {
            given().auth().oauth2(reader).get("/api/v1/benefit-partners").then().statusCode(200);
        }
    }
}
