package org.unionhub.membership.demand;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.time.BusinessClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.membership.demand.DemandFixture.staff;

/**
 * The seed's Suizhong truck drivers' union: monthly forums of drivers' representatives, "听取意见6条、解决实际诉求13件" in
 * the year. The figures of the union and of the federations above it must say exactly that.
 */
@QuarkusTest
class DemandFiguresTest {

    static final int[] OPINIONS_PER_MONTH = {2, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0};

    @Inject
    EntityManager em;

    @Test
    void theTruckDriversUnionsYearSixOpinionsHeardThirteenDemandsResolved() {
        DemandFixture f = new DemandFixture();
        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        int year = today.getYear();
        List<UUID> forums = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            LocalDate heldOn = LocalDate.of(year, 1, 15).plusMonths(month);
            heldOn = heldOn.isAfter(today) ? today : heldOn;
            String[] opinions = new String[OPINIONS_PER_MONTH[month]];
            for (int i = 0; i < opinions.length; i++) {
                opinions[i] = "第" + (month + 1) + "次座谈意见" + (i + 1);
            }
            forums.add(DemandFixture.forum(f.leaf, heldOn.toString(), opinions));
        }
        DemandFixture.forum(f.leaf, LocalDate.of(year - 1, 12, 15).toString(), "去年的意见"); // another year
        List<UUID> closed = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            UUID driver = f.member();
            UUID d = i % 2 == 0 ? DemandFixture.raise(driver, "WAGE_ARREARS", "运费拖欠" + i) : atForum(f, driver, forums.get(i % 12));
            DemandFixture.step(staff(f.leaf), d, "accept", "已受理").statusCode(200);
            DemandFixture.step(staff(f.leaf), d, "resolve", "已解决").statusCode(200);
            closed.add(d);
        }
        UUID declined = DemandFixture.raise(f.member(), "OTHER", "希望降低高速通行费");
        DemandFixture.step(staff(f.leaf), declined, "decline", "不属于工会职责").statusCode(200);
        closed.add(declined);
        DemandFixture.raise(f.member(), "REST_AND_FACILITIES", "服务区缺少司机之家");
        // a sibling union's forum and resolved demand count for the county's subtree only
        DemandFixture.forum(f.sibling, LocalDate.of(year, 1, 15).toString(), "快递员意见");
        UUID courierDemand = DemandFixture.raise(f.memberOf(f.sibling));
        DemandFixture.step(staff(f.sibling), courierDemand, "accept", "已受理").statusCode(200);
        DemandFixture.step(staff(f.sibling), courierDemand, "resolve", "已解决").statusCode(200);

        figures(f.leaf, year, "organization", 12, 6, 15, 13, 1, 1);
        figures(f.leaf, year, "subtree", 12, 6, 15, 13, 1, 1);
        figures(f.county, year, "organization", 0, 0, 0, 0, 0, 0).body("organization.medianDaysToAnswer", nullValue());
        figures(f.county, year, "subtree", 13, 7, 16, 14, 1, 1);
        figures(f.tree.province(), year, "subtree", 13, 7, 16, 14, 1, 1);
        figures(f.leaf, year - 1, "organization", 1, 1, 0, 0, 0, 0);

        // answered after 1, 2, … 14 days: the median is 7.5
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < closed.size(); i++) {
                em.createNativeQuery("UPDATE demand SET raised_at = closed_at - make_interval(days => ?1) WHERE id = ?2")
                        .setParameter(1, i + 1).setParameter(2, closed.get(i)).executeUpdate();
            }
        });
        given().auth().oauth2(staff(f.county)).queryParam("year", year).get("/api/v1/organizations/" + f.leaf + "/demand-figures")
                .then().statusCode(200)
                .body("organization.medianDaysToAnswer", equalTo(7.5f))
                .body("organization.demandsResolved", equalTo(13));
    }

    private static UUID atForum(DemandFixture f, UUID driver, UUID forum) {
        return UUID.fromString(given().auth().oauth2(staff(f.leaf)).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + driver + "\",\"category\":\"PARKING_AND_CHARGING\",\"text\":\"座谈会上反映停车难\","
                        + "\"channel\":\"FORUM\",\"forumId\":\"" + forum + "\"}")
                .post("/api/v1/demands").then().statusCode(201).extract().path("id"));
    }

    private static ValidatableResponse figures(UUID org, int year, String scope, int forums, int opinions, int received,
                                               int resolved, int declined, int open) {
        return given().auth().oauth2(staff(org)).queryParam("year", year).get("/api/v1/organizations/" + org + "/demand-figures")
                .then().statusCode(200)
                .body("organizationId", equalTo(org.toString())).body("year", equalTo(year))
                .body(scope + ".forumsHeld", equalTo(forums))
                .body(scope + ".opinionsHeard", equalTo(opinions))
                .body(scope + ".demandsReceived", equalTo(received))
                .body(scope + ".demandsResolved", equalTo(resolved))
                .body(scope + ".demandsDeclined", equalTo(declined))
                .body(scope + ".demandsStillOpen", equalTo(open));
    }
}
