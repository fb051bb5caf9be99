package org.unionhub.partner.partner;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.partner.Fixtures;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Registration times come from the business clock, which a test can stop (here at midnight of New Year in Beijing). */
@QuarkusTest
class RegistrationClockTest {

    static final Instant NEW_YEAR_IN_BEIJING = Instant.parse("2026-12-31T16:00:00Z");

    @BeforeEach
    void stopTheClock() {
        QuarkusMock.installMockForType(BusinessClock.fixedAt(NEW_YEAR_IN_BEIJING), BusinessClock.class);
    }

    @Test
    void aPartnerIsRegisteredAtTheBusinessClocksTime() {
        var id = Fixtures.partner("时钟测试", "FULL", null, List.of(Fixtures.JOINED));
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/partners/" + id).then().statusCode(200)
                .body("createdAt", equalTo("2026-12-31T16:00:00Z"));
    }
}
