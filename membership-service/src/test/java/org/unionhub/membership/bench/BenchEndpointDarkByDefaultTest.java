package org.unionhub.membership.bench;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.TestData;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The bare primary-key read exists for bench/run-all only: without unionhub.bench.enabled=true it is not there. */
@QuarkusTest
class BenchEndpointDarkByDefaultTest {

    @Test
    void theBareMemberReadAnswers404ForAnExistingMemberUnlessTheBenchIsEnabled() {
        String id = TestData.activeMember(TestData.tree().leaf(), "TRUCK_DRIVER");
        given().get("/q/bench/members/" + id).then().statusCode(404).body(not(containsString(id)));
    }

    @Test
    void theOpenApiDocumentDoesNotMentionIt() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(not(containsString("/q/bench")));
    }
}
