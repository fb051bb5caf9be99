package org.unionhub.assistance.audit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

@QuarkusTest
class AuditTrailTest {

    @Inject
    TestData data;

    @Test
    void everyStepOfAnApplicationIsKeptWithActorTimeOldAndNewValues() {
        TestData.ensureFund("DAILY_RELIEF");
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.paid(tree, member, "DAILY_RELIEF", "600.00", Map.of());

        as(staff(tree.city(), "auditor")).get("/api/v1/audit?entity=application&id=" + id).then().statusCode(200)
                .body("items.action", contains("submitted", "approved", "disbursed"))
                .body("items[0].actor", equalTo("member-" + member))
                .body("items[0].oldValue", equalTo(null))
                .body("items[0].newValue.status", equalTo("SUBMITTED"))
                .body("items[1].actor", equalTo("staff-a-" + tree.county()))
                .body("items[1].oldValue.status", equalTo("SUBMITTED"))
                .body("items[1].newValue.status", equalTo("APPROVED"))
                .body("items[1].newValue.approvedAmount", equalTo("600.00"))
                .body("items[2].newValue.status", equalTo("DISBURSED"))
                .body("items[2].at", notNullValue());

        // members do not read the audit trail, staff elsewhere are refused it
        as(DevTokens.member(member)).get("/api/v1/audit?entity=application&id=" + id).then().statusCode(403);
        Tree other = data.tree();
        as(staff(other.province(), "x")).get("/api/v1/audit?entity=application&id=" + id).then().statusCode(403);
        as(staff(tree.city(), "auditor")).get("/api/v1/audit?id=" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("entity"));
    }

    @Test
    void theTrailIsAppendOnlyEvenForTheDatabaseUser() {
        TestData.ensureFund("DAILY_RELIEF");
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "DAILY_RELIEF", "100.00", Map.of());
        assertThat(data.tamperWithAudit(id)).contains("append-only");
        as(staff(tree.county(), "auditor")).get("/api/v1/audit?entity=application&id=" + id).then().statusCode(200)
                .body("items[0].actor", equalTo("member-" + member));
    }

    @Test
    void ruleChangesAndFundsAreAudited() {
        String admin = DevTokens.role("admin", "admin-audit");
        String code = "AUD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin).body(Map.of("code", code, "name", "审计", "money", true, "capPerPersonYear", "100.00")).post("/api/v1/programs").then().statusCode(201);
        as(admin).header("If-Match", "\"1\"").body(Map.of("name", "审计", "money", true, "capPerPersonYear", "200.00")).put("/api/v1/programs/" + code).then().statusCode(200);
        as(admin).body(Map.of("year", 2030, "amount", "5000.00")).post("/api/v1/programs/" + code + "/funds").then().statusCode(201);
        as(admin).get("/api/v1/audit?entity=program&id=" + code).then().statusCode(200)
                .body("items.action", contains("created", "rules-changed"))
                .body("items[1].actor", equalTo("admin-audit"))
                .body("items[1].oldValue.capPerPersonYear", equalTo("100.00"))
                .body("items[1].newValue.capPerPersonYear", equalTo("200.00"));
        as(admin).get("/api/v1/audit?entity=fund&id=" + code + ":2030").then().statusCode(200)
                .body("items[0].newValue.amount", equalTo("5000.00"));
    }
}
