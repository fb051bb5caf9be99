package org.unionhub.membership.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.TestData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A job interrupted mid-import (the process killed after some chunks committed) is resumed by the recovery
 * after its last committed chunk: every row ends imported exactly once, with one member.joined event each.
 */
@QuarkusTest
class MemberImportRecoveryTest {

    @Inject
    MemberImportJob jobs;
    @Inject
    ImportRecovery recovery;
    @Inject
    ImportFiles files;
    @Inject
    EntityManager em;

    UUID storedJob(String csv, int rows) throws Exception {
        Path file = Files.createTempFile("recovery-test", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            MemberImport m = new MemberImport();
            m.id = id;
            m.status = MemberImport.Status.QUEUED;
            m.totalRows = rows;
            m.failures = "[]";
            m.charset = "UTF-8";
            m.createdAt = Instant.now();
            m.createdBy = "recovery-test";
            m.persistAndFlush();
            files.store(id, file);
        });
        Files.delete(file);
        return id;
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, param)
                .getSingleResult()).longValue());
    }

    @Test
    void aJobKilledAfterTwoChunksResumesAfterThemAndImportsEveryRowOnce() throws Exception {
        TestData.Tree t = TestData.tree();
        String region = MemberImportTest.region();
        StringBuilder csv = new StringBuilder(MemberImportTest.HEADER);
        int n = 2500;
        for (int i = 0; i < n; i++) {
            // row 2301 (line 2302) names the person of row 11 again: it must still fail after the resumption
            int person = i == 2300 ? 10 : i;
            csv.append("货车司机").append(i).append(',').append(TestData.idNumber(region, person)).append(',').append(TestData.phone())
                    .append(",TRUCK_DRIVER,绥中县顺达物流,").append(t.leaf()).append('\n');
        }
        UUID job = storedJob(csv.toString(), n);

        // the process dies right after its second chunk committed
        jobs.runChunks(job, 2);
        String admin = TestData.admin();
        given().auth().oauth2(admin).get("/api/v1/member-imports/" + job).then().statusCode(200)
                .body("status", equalTo("RUNNING")).body("processed", equalTo(2000)).body("total", equalTo(n))
                .body("estimatedSecondsLeft", notNullValue()).body("estimatedSecondsLeft", greaterThanOrEqualTo(0));
        assertThat(count("SELECT count(*) FROM member WHERE organization_id = ?1", t.leaf())).isEqualTo(2000);

        // the next start
        assertThat(recovery.recover()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> "DONE".equals(
                given().auth().oauth2(admin).get("/api/v1/member-imports/" + job).then().extract().path("status")));
        given().auth().oauth2(admin).get("/api/v1/member-imports/" + job).then()
                .body("processed", equalTo(n)).body("imported", equalTo(n - 1)).body("skipped", equalTo(0))
                .body("failed", equalTo(1)).body("failures[0].line", equalTo(2302))
                .body("failures[0].reason", equalTo("idNumber: the same person as line 12"))
                .body("attempts", equalTo(2)).body("estimatedSecondsLeft", equalTo(0));
        assertThat(count("SELECT count(*) FROM member WHERE organization_id = ?1", t.leaf())).isEqualTo(n - 1);
        assertThat(count("SELECT count(*) FROM outbox o JOIN member m ON o.aggregate_id = m.id::text "
                + "WHERE m.organization_id = ?1 AND o.event_type = 'org.unionhub.membership.member.joined.v1'", t.leaf())).isEqualTo(n - 1);
        assertThat(count("SELECT count(*) FROM member_history h JOIN member m ON h.member_id = m.id WHERE m.organization_id = ?1",
                t.leaf())).isEqualTo(n - 1);
        assertThat(count("SELECT count(*) FROM member_import_part WHERE job_id = ?1", job)).isZero();
    }

    @Test
    void aJobWhoseFileIsGoneEndsFailedWithAReason() throws Exception {
        UUID job = storedJob(MemberImportTest.HEADER, 0);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE member_import SET status = 'RUNNING' WHERE id = ?1").setParameter(1, job).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> files.delete(job));
        recovery.recover();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "FAILED".equals(
                given().auth().oauth2(TestData.admin()).get("/api/v1/member-imports/" + job).then().extract().path("status")));
        given().auth().oauth2(TestData.admin()).get("/api/v1/member-imports/" + job).then()
                .body("error", org.hamcrest.Matchers.containsString("no longer stored"));
    }
}
