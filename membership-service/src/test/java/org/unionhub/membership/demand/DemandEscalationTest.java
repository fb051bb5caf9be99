package org.unionhub.membership.demand;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.unionhub.membership.demand.DemandFixture.member;
import static org.unionhub.membership.demand.DemandFixture.staff;

/** Overdue demands go up the tree: at an explicit time, never by waiting. */
@QuarkusTest
class DemandEscalationTest {

    static final Duration PERIOD = Duration.ofDays(15);

    @Inject
    Demands demands;
    @Inject
    EntityManager em;

    /** Every batch at that time (other tests' open demands are in the same database). */
    int escalateAll(Instant at) {
        int total = 0;
        int n;
        do {
            n = demands.escalateOverdue(at);
            total += n;
        } while (n == Demands.ESCALATION_BATCH);
        return total;
    }

    @Test
    void anOverdueDemandIsHandedToTheParentOnceItsAnswerPeriodHasPassed() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID id = DemandFixture.raise(driver);
        Instant raisedAt = Instant.parse(DemandFixture.get(member(driver), id).extract().path("raisedAt"));

        escalateAll(raisedAt.plus(PERIOD).minusSeconds(1));
        DemandFixture.get(member(driver), id).statusCode(200)
                .body("organizationId", equalTo(f.leaf.toString())).body("escalations", equalTo(0));

        Instant late = raisedAt.plus(PERIOD).plusSeconds(1);
        assertThat(escalateAll(late)).isPositive();
        JsonPath d = DemandFixture.get(member(driver), id).statusCode(200)
                .body("organizationId", equalTo(f.county.toString()))
                .body("escalations", equalTo(1))
                .body("history[1].kind", equalTo("ESCALATED"))
                .body("history[1].fromOrganizationId", equalTo(f.leaf.toString()))
                .body("history[1].toOrganizationId", equalTo(f.county.toString()))
                .body("history[1].actor", equalTo(Demands.ESCALATION_JOB))
                .body("history[1].response", equalTo(Demands.OVERDUE_RESPONSE))
                .extract().jsonPath();
        assertThat(Instant.parse(d.getString("dueAt"))).isEqualTo(late.plus(PERIOD));

        // run again at the same time: the fresh answer period holds it at the county
        escalateAll(late);
        DemandFixture.get(member(driver), id).body("organizationId", equalTo(f.county.toString())).body("escalations", equalTo(1));

        // the leaf's staff still see their member's demand but no longer answer it; the county does
        DemandFixture.get(staff(f.leaf), id).statusCode(200);
        DemandFixture.step(staff(f.leaf), id, "accept", "已受理").statusCode(403);
        DemandFixture.step(staff(f.county), id, "accept", "县总工会已受理").statusCode(200);

        // another answer period later it goes up once more, to the city
        escalateAll(late.plus(PERIOD).plusSeconds(1));
        DemandFixture.get(member(driver), id).body("organizationId", equalTo(f.tree.city().toString())).body("escalations", equalTo(2))
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void closedDemandsAndTheTopOfTheTreeAreNotEscalated() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID resolved = DemandFixture.raise(driver);
        DemandFixture.step(staff(f.leaf), resolved, "accept", "已受理").statusCode(200);
        DemandFixture.step(staff(f.leaf), resolved, "resolve", "已解决").statusCode(200);
        UUID toProvince = UUID.fromString(given().auth().oauth2(member(driver)).contentType(ContentType.JSON)
                .body("{\"category\":\"SOCIAL_INSURANCE\",\"text\":\"异地缴纳社保\",\"answeringOrganizationId\":\"" + f.tree.province() + "\"}")
                .post("/api/v1/demands").then().statusCode(201).body("organizationId", equalTo(f.tree.province().toString()))
                .extract().path("id"));

        escalateAll(Instant.now().plus(PERIOD).plus(Duration.ofDays(1)));
        DemandFixture.get(member(driver), resolved).body("organizationId", equalTo(f.leaf.toString())).body("escalations", equalTo(0));
        DemandFixture.get(member(driver), toProvince).body("organizationId", equalTo(f.tree.province().toString()))
                .body("escalations", equalTo(0));
        DemandFixture.step(staff(f.tree.province()), toProvince, "escalate", "上报全总").statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/demand-escalation"));
    }

    @Test
    void staffAskToEscalateAndTheMemberReadsWhy() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID id = DemandFixture.raise(driver);
        DemandFixture.step(staff(f.leaf), id, "escalate", "涉及跨县运费纠纷，已提请县总工会协调。").statusCode(200)
                .body("organizationId", equalTo(f.county.toString()))
                .body("history[1].response", equalTo("涉及跨县运费纠纷，已提请县总工会协调。"));
        DemandFixture.step(staff(f.sibling), id, "escalate", "越权").statusCode(403);
        given().auth().oauth2(member(driver)).get("/api/v1/members/" + driver + "/demands").then()
                .body("items[0].history[1].kind", equalTo("ESCALATED"))
                .body("items[0].organizationName", org.hamcrest.Matchers.startsWith("绥中县总工会"));
    }

    @Test
    void theOverdueListShowsOpenDemandsPastTheirDueTimeInTheSubtree() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID late = DemandFixture.raise(driver);
        UUID onTime = DemandFixture.raise(driver, "ROAD_SAFETY", "夜间路段缺少照明");
        UUID lateButClosed = DemandFixture.raise(driver, "TRAINING", "希望组织危化品运输培训");
        // answered later than due: raised 20 days ago (the escalation job is off in tests)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE demand SET raised_at = raised_at - interval '20 days', due_at = due_at - interval '20 days' WHERE id IN (?1, ?2)")
                .setParameter(1, late).setParameter(2, lateButClosed).executeUpdate());
        DemandFixture.step(staff(f.leaf), lateButClosed, "decline", "已在年度培训计划中").statusCode(200);

        for (UUID unit : new UUID[]{f.leaf, f.county}) {
            given().auth().oauth2(staff(unit)).queryParam("overdue", true).get("/api/v1/organizations/" + unit + "/demands")
                    .then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.contains(late.toString()))
                    .body("items[0].overdue", equalTo(true))
                    .body("items[0].organizationId", equalTo(f.leaf.toString()));
        }
        given().auth().oauth2(staff(f.leaf)).get("/api/v1/organizations/" + f.leaf + "/demands").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(late.toString(), onTime.toString(), lateButClosed.toString()));
        given().auth().oauth2(staff(f.leaf)).queryParam("open", true).get("/api/v1/organizations/" + f.leaf + "/demands").then()
                .body("items.id", not(hasItem(lateButClosed.toString())));
        given().auth().oauth2(staff(f.sibling)).queryParam("overdue", true).get("/api/v1/organizations/" + f.sibling + "/demands")
                .then().statusCode(200).body("items.id", not(hasItem(late.toString())));

        // paging: one at a time, in due order, without repeats
        String first = given().auth().oauth2(staff(f.leaf)).queryParam("limit", 1).get("/api/v1/organizations/" + f.leaf + "/demands")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(late.toString())).extract().path("nextCursor");
        given().auth().oauth2(staff(f.leaf)).queryParam("limit", 1).queryParam("cursor", first)
                .get("/api/v1/organizations/" + f.leaf + "/demands")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(lateButClosed.toString()));
    }
}
