package org.unionhub.membership.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.Metrics;
import org.unionhub.membership.TestData;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Members who join are counted on /q/metrics by join channel, once the join committed. */
@QuarkusTest
class MemberMetricsTest {

    static double joined(String channel) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> labels = Map.of("channel", channel, "application", "membership-service");
        assertThat(Metrics.find(metrics, "unionhub_members_joined_total", labels)).as("registered from the start").hasSize(1);
        return Metrics.sum(metrics, "unionhub_members_joined_total", labels);
    }

    @Test
    void joiningCountsTheMemberUnderHisChannelAndARefusedJoinCountsNothing() {
        UUID org = TestData.tree().leaf();
        double onSite = joined("ON_SITE");
        double online = joined("ONLINE");
        String idNumber = TestData.idNumber();

        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(TestData.joinBody("计数会员", idNumber, TestData.phone(), "COURIER", org, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201);
        // the same person again: 409, rolled back, not counted
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(TestData.joinBody("计数会员", idNumber, TestData.phone(), "COURIER", org, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(409);
        given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(TestData.joinBody("线上会员", TestData.idNumber(), TestData.phone(), "COURIER", org, "ONLINE"))
                .post("/api/v1/members").then().statusCode(201);

        assertThat(joined("ON_SITE")).isEqualTo(onSite + 1);
        assertThat(joined("ONLINE")).isEqualTo(online + 1);
    }
}
