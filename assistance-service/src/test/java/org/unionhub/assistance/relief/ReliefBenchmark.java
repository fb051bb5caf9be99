package org.unionhub.assistance.relief;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.relief.ReliefFixtures.Tree;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.relief.ReliefFixtures.staff;

/**
 * The seed's epidemic relief (为一线1万余名职工快速提供抗疫帮扶资金33.96万元) as a benchmark: 10,000 front-line workers × 33.96
 * yuan = 339,600.00 yuan, previewed (goal ≤ 2 s) and committed (goal ≤ 10 s) through the HTTP API of the running
 * service (this test's, on loopback, against real PostgreSQL and Kafka), totals checked to the fen. The members are
 * written straight into assistance's member projection (membership's events would only add the feed's time).
 * Skipped unless {@code -Drelief.bench=true}: run {@code bench/relief/run.sh}. Figures: target/relief-benchmark.txt.
 */
@QuarkusTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "relief.bench", matches = "true")
class ReliefBenchmark {

    static final int WORKERS = Integer.getInteger("relief.bench.members", 10_000);
    static final BigDecimal SHARE = new BigDecimal("33.96");

    @Inject
    ReliefFixtures data;

    @Test
    void tenThousandFrontLineWorkersPaid339600Yuan() throws IOException {
        Tree tree = data.tree();
        String program = data.program("10000.00", "1000000.00");
        long seedStart = System.nanoTime();
        // spread over 20 grassroots unions would not change the SQL: one subtree LIKE; keep them in one
        data.members(tree.grassroots(), WORKERS, "ACTIVE", "EMPLOYEE");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        BigDecimal expected = SHARE.multiply(BigDecimal.valueOf(WORKERS));
        String creator = staff(tree.county(), "creator");
        String id = as(creator).body(Map.of("name", "抗疫一线职工帮扶", "organizationId", tree.county(), "programCode", program,
                "amountPerPerson", "33.96")).post("/api/v1/relief-campaigns").then().statusCode(201).extract().path("id");

        // a warm-up preview (first call of the code path), then the measured ones
        as(creator).get("/api/v1/relief-campaigns/" + id + "/preview").then().statusCode(200);
        double[] previews = new double[3];
        Response preview = null;
        for (int i = 0; i < previews.length; i++) {
            long t = System.nanoTime();
            preview = as(creator).get("/api/v1/relief-campaigns/" + id + "/preview");
            previews[i] = (System.nanoTime() - t) / 1e9;
            assertThat(preview.statusCode()).isEqualTo(200);
        }
        assertThat(preview.jsonPath().getInt("eligible")).isEqualTo(WORKERS);
        assertThat(decimal(preview, "eligibleTotal")).isEqualByComparingTo(expected);
        assertThat(decimal(preview, "wouldCommitTotal")).isEqualByComparingTo(expected);

        long t = System.nanoTime();
        Response approved = as(staff(tree.city(), "approver")).body("{}").post("/api/v1/relief-campaigns/" + id + "/approve");
        double commitSeconds = (System.nanoTime() - t) / 1e9;
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
        assertThat(approved.jsonPath().getInt("entitled")).isEqualTo(WORKERS);
        assertThat(decimal(approved, "committedTotal")).isEqualByComparingTo(expected);
        assertThat(data.ledgerSum(program)).isEqualTo(expected.setScale(2));
        assertThat(data.reserved(program)).isEqualTo(expected.setScale(2));

        t = System.nanoTime();
        Response paid = as(TestData.finance()).post("/api/v1/relief-campaigns/" + id + "/disburse");
        double disburseSeconds = (System.nanoTime() - t) / 1e9;
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(200);
        assertThat(decimal(paid, "paidTotal")).isEqualByComparingTo(expected);
        assertThat(data.paidSum(UUID.fromString(id))).isEqualTo(expected.setScale(2));

        String report = String.format("""
                relief campaign benchmark, %s
                load average before the run: %s
                members: %d ACTIVE, %s yuan each; expected total %s
                seeding the member projection (one INSERT ... unnest): %.2f s
                preview (GET .../preview, HTTP, after one warm-up): %.3f / %.3f / %.3f s  (goal <= 2 s)
                commit (POST .../approve, HTTP): %.3f s  (goal <= 10 s); committed %s, fund reserved %s, ledger sum %s
                disburse (POST .../disburse, HTTP, one payout and one outbox event per member): %.3f s; paid %s
                load average after the run: %s
                """, Instant.now(), LOAD_BEFORE, WORKERS, SHARE, expected, seedSeconds, previews[0], previews[1], previews[2],
                commitSeconds, decimal(approved, "committedTotal"), data.reserved(program), data.ledgerSum(program),
                disburseSeconds, decimal(paid, "paidTotal"), loadAverage());
        Files.writeString(Path.of("target", "relief-benchmark.txt"), report);
        System.out.println(report);
    }

    static final String LOAD_BEFORE = loadAverage();

    /** The amount as the JSON carries it, digit for digit (never through a float). */
    static BigDecimal decimal(Response r, String field) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // keep "339600.00" as written (the default node factory strips it to 3.396E+5)
                .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
                .readTree(r.asString()).get(field).decimalValue();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
