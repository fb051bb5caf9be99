package org.unionhub.assistance.application;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.infra.Metrics;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Payouts are counted on /q/metrics, with their amounts in yuan, once disbursed. */
@QuarkusTest
class PayoutMetricsTest {

    static final Map<String, String> APP = Map.of("application", "assistance-service");

    @Inject
    TestData data;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void aDisbursedPayoutRaisesTheCountAndTheAmountInYuan() {
        TestData.ensureFund("TARGETED_MEDICAL");
        String before = scrape();
        assertThat(Metrics.find(before, "unionhub_payouts_total", APP)).as("registered before the first payout").hasSize(1);

        TestData.Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        TestData.paid(tree, member, "TARGETED_MEDICAL", "6543.21", Map.of("outOfPocketCost", "42000.00", "hospital", "山东省立医院"));

        String after = scrape();
        assertThat(Metrics.sum(after, "unionhub_payouts_total", APP) - Metrics.sum(before, "unionhub_payouts_total", APP))
                .isEqualTo(1.0);
        assertThat(Metrics.sum(after, "unionhub_payouts_amount_fen_count", APP)
                - Metrics.sum(before, "unionhub_payouts_amount_fen_count", APP)).isEqualTo(1.0);
        // 6,543.21 yuan, exactly, in fen
        assertThat(Metrics.sum(after, "unionhub_payouts_amount_fen_sum", APP)
                - Metrics.sum(before, "unionhub_payouts_amount_fen_sum", APP)).isEqualTo(654321.0);
    }

    @Test
    void aRefusedDisbursementCountsNothing() {
        TestData.ensureFund("TARGETED_MEDICAL");
        TestData.Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "TARGETED_MEDICAL", "100.00", Map.of("outOfPocketCost", "42000.00", "hospital", "山东省立医院"));
        double before = Metrics.sum(scrape(), "unionhub_payouts_total", APP);
        // not approved yet: 409, nothing paid
        TestData.as(TestData.finance()).post("/api/v1/applications/" + id + "/disburse").then().statusCode(409);
        assertThat(Metrics.sum(scrape(), "unionhub_payouts_total", APP)).isEqualTo(before);
    }
}
