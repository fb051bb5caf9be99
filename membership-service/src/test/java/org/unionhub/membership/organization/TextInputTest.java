package org.unionhub.membership.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.TestData;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** The platform's text rule (issue 16, item 1) as a client meets it: a 400 naming the field, never a 500. */
@QuarkusTest
class TextInputTest {

    @Test
    void aNulCharacterInANameIs400NamingTheFieldAndCreatesNothing() {
        String marker = "绥中县总工会-" + TestData.suffix();
        given().auth().oauth2(TestData.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + marker + "\\u0000\",\"type\":\"FEDERATION_PROVINCIAL\",\"regionCode\":\"210000\"}")
                .post("/api/v1/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("contains a control character (U+0000)"));
        given().auth().oauth2(TestData.admin()).queryParam("q", marker).get("/api/v1/organizations")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void namesAreStoredInNfcAndChineseRoundTripsUnchanged() {
        String suffix = TestData.suffix();
        String id = given().auth().oauth2(TestData.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Cafe\\u0301 绥中县大货车行业联合工会 " + suffix + "\",\"type\":\"FEDERATION_PROVINCIAL\",\"regionCode\":\"210000\"}")
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestData.admin()).get("/api/v1/organizations/" + id)
                .then().statusCode(200).body("name", equalTo("Caf\u00e9 绥中县大货车行业联合工会 " + suffix))
                .body("name", not(containsString("\u0301")));
    }
}
