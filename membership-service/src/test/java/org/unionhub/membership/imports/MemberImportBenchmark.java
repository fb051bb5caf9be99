package org.unionhub.membership.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unionhub.membership.TestData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * bench/import/run.sh: the import's rows/s (goal >= 5,000). Figures to target/import-benchmark.txt; they are a
 * measurement, not an assertion (the test checks only that every row was imported).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "import.bench", matches = "true")
class MemberImportBenchmark {

    @Test
    void importRowsPerSecond() throws Exception {
        int n = Integer.getInteger("import.bench.rows", 20_000);
        String load0 = Files.readString(Path.of("/proc/loadavg")).trim();
        TestData.Tree t = TestData.tree();
        String region = MemberImportTest.region();
        StringBuilder csv = new StringBuilder(MemberImportTest.HEADER);
        for (int i = 0; i < n; i++) {
            csv.append("快递员").append(i).append(',').append(TestData.idNumber(region, i)).append(',').append(TestData.phone())
                    .append(",COURIER,顺丰速运,").append(i % 2 == 0 ? t.leaf() : t.county()).append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        String admin = TestData.admin();
        long start = System.nanoTime();
        String job = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(body)
                .post("/api/v1/member-imports").then().statusCode(202).extract().path("id");
        long accepted = System.nanoTime();
        Response done = MemberImportTest.awaitDone(admin, job, Duration.ofSeconds(600));
        long end = System.nanoTime();
        done.then().body("imported", equalTo(n)).body("failed", equalTo(0));
        Instant created = Instant.parse(done.path("createdAt"));
        Instant finished = Instant.parse(done.path("finishedAt"));
        long jobMs = Duration.between(created, finished).toMillis();
        long totalMs = (end - start) / 1_000_000;
        String load1 = Files.readString(Path.of("/proc/loadavg")).trim();
        String report = String.format("member import, %d rows (%.1f MB), one upload over loopback%n"
                        + "  upload until 202:       %6d ms%n"
                        + "  created until DONE:     %6d ms  = %6.0f rows/s (inside the job)%n"
                        + "  POST until DONE seen:   %6d ms  = %6.0f rows/s (end to end)%n"
                        + "  load average before: %s%n  load average after:  %s%n",
                n, body.length / 1e6, (accepted - start) / 1_000_000, jobMs, n * 1000.0 / Math.max(1, jobMs),
                totalMs, n * 1000.0 / Math.max(1, totalMs), load0, load1);
        System.out.println(report);
        Files.writeString(Path.of("target/import-benchmark.txt"), report);
    }
}
