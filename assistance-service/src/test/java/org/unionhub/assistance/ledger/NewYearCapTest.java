package org.unionhub.assistance.ledger;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

/**
 * A program's yearly cap is per year of the business calendar (Beijing time): at 00:00 on 1 January in Beijing it is
 * still 31 December in UTC, and a payout then counts in the new year, against a fresh cap.
 */
@QuarkusTest
class NewYearCapTest {

    /** 23:59 on 31 December 2026 in Beijing. */
    static final Instant LAST_MINUTE_OF_2026 = Instant.parse("2026-12-31T15:59:00Z");
    /** 00:00 on 1 January 2027 in Beijing, still 31 December in UTC. */
    static final Instant FIRST_MINUTE_OF_2027 = Instant.parse("2026-12-31T16:00:00Z");

    @Inject
    TestData data;

    @BeforeEach
    void lastMinuteOf2026() {
        QuarkusMock.installMockForType(BusinessClock.fixedAt(LAST_MINUTE_OF_2026), BusinessClock.class);
        for (int year : new int[] {2026, 2027}) {
            int status = as(DevTokens.role("admin")).body(Map.of("year", year, "amount", "900000000000.00"))
                    .post("/api/v1/programs/DAILY_RELIEF/funds").statusCode();
            if (status != 201 && status != 409) {
                throw new AssertionError("fund not created: " + status);
            }
        }
    }

    @Test
    void theYearlyCapCountsTheNewYearsPayoutsSeparately() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        // DAILY_RELIEF: 10,000.00 a member and year, 5,000.00 an application
        TestData.paid(tree, member, "DAILY_RELIEF", "5000.00", Map.of());
        TestData.paid(tree, member, "DAILY_RELIEF", "5000.00", Map.of());
        String late = TestData.submit(member, "DAILY_RELIEF", "3000.00", Map.of());
        as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "3000.00")).post("/api/v1/applications/" + late + "/approve")
                .then().statusCode(422).body("type", containsString("cap-exceeded"));

        QuarkusMock.installMockForType(BusinessClock.fixedAt(FIRST_MINUTE_OF_2027), BusinessClock.class);
        String id = TestData.paid(tree, member, "DAILY_RELIEF", "3000.00", Map.of());
        as(DevTokens.member(member)).get("/api/v1/applications/" + id).then().statusCode(200).body("year", equalTo(2027));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("year", equalTo(2027))
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.received", equalTo("3000.00"))
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.remaining", equalTo("7000.00"));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance?year=2026").then().statusCode(200)
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.received", equalTo("10000.00"))
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.remaining", equalTo("0.00"));
    }
}
