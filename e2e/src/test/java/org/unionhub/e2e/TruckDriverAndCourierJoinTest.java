package org.unionhub.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.e2e.Suite.admin;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.assertMoney;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.joinBody;
import static org.unionhub.e2e.Suite.member;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.partnerTill;
import static org.unionhub.e2e.Suite.staff;

/**
 * A truck driver joins the Suizhong heavy-truck industry joint union on site, gets his benefit card and buys fuel for
 * 300.00 at the fuel station's 九七折: he pays 291.00, saves 9.00, the till's retry counts once and his yearly savings
 * show it. A courier joins online from his phone: PENDING until staff approve him, then ACTIVE.
 */
class TruckDriverAndCourierJoinTest {

    @Test
    void aTruckDriverJoinsOnSiteGetsACardAndSavesNineYuanOnFuel() {
        UUID county = org("绥中县总工会", "FEDERATION_COUNTY", null);
        UUID trucks = org("绥中县大货车行业联合工会", "INDUSTRY_JOINT", county);
        Response joined = as(staff(county)).body(joinBody("王建国", idNumber(), trucks, "ON_SITE")).post("/api/v1/members");
        assertThat(joined.statusCode()).isEqualTo(201);
        assertThat(joined.<String>path("status")).isEqualTo("ACTIVE");
        UUID driver = UUID.fromString(joined.path("id"));

        String card = as(staff(county)).post("/api/v1/members/" + driver + "/cards").then().statusCode(201).extract().path("number");
        String fuel = as(admin()).body("{\"name\":\"中石化绥中加油站-" + Suite.suffix() + "\",\"category\":\"FUEL\",\"discountRate\":\"0.97\"}")
                .post("/api/v1/benefit-partners").then().statusCode(201).extract().path("id");
        String till = partnerTill(fuel);

        // the station's till checks the card: active, its own 九七折, nothing about who holds it
        Response check = as(till).get("/api/v1/partner/cards/" + card);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.<Boolean>path("active")).isTrue();
        assertMoney(check.path("discountRate"), "0.97");
        assertThat(check.asString()).doesNotContain("王建国").doesNotContain(driver.toString());

        String receipt = "receipt-" + UUID.randomUUID();
        Response bought = as(till).header("Idempotency-Key", receipt).body("{\"amount\":\"300.00\"}")
                .post("/api/v1/partner/cards/" + card + "/redemptions");
        assertThat(bought.statusCode()).as(bought.asString()).isEqualTo(201);
        assertMoney(bought.path("amount"), "300.00");
        assertMoney(bought.path("paid"), "291.00");
        assertMoney(bought.path("saved"), "9.00");
        // the answer was lost on the station's network: the retry gets the same purchase
        Response retried = as(till).header("Idempotency-Key", receipt).body("{\"amount\":\"300.00\"}")
                .post("/api/v1/partner/cards/" + card + "/redemptions");
        assertThat(retried.<String>path("redemptionId")).isEqualTo(bought.<String>path("redemptionId"));

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Response savings = as(member(driver)).get("/api/v1/members/" + driver + "/savings?year=" + year);
        assertThat(savings.statusCode()).isEqualTo(200);
        assertMoney(savings.path("saved"), "9.00");
        assertMoney(savings.path("paid"), "291.00");
        assertThat(savings.<Integer>path("redemptions")).isEqualTo(1);
    }

    @Test
    void aCourierJoinsOnlineAndIsActiveOnceApproved() {
        UUID city = org("襄阳市总工会", "FEDERATION_CITY", null);
        UUID couriers = org("襄阳市快递行业联合工会", "INDUSTRY_JOINT", city);
        // from his phone: an account without a member record yet
        String account = org.unionhub.infra.DevTokens.token("courier-account-" + Suite.suffix(), Set.of("member"), null, null,
                java.time.Duration.ofHours(1));
        Response applied = as(account).body(joinBody("李快递", idNumber(), couriers, "ONLINE").replace("TRUCK_DRIVER", "COURIER"))
                .post("/api/v1/members");
        assertThat(applied.statusCode()).as(applied.asString()).isEqualTo(201);
        assertThat(applied.<String>path("status")).isEqualTo("PENDING");
        UUID courier = UUID.fromString(applied.path("id"));
        // pending: no card yet
        assertThat(as(staff(couriers)).post("/api/v1/members/" + courier + "/cards").statusCode()).isEqualTo(422);
        Response approved = as(staff(city)).body("{}").post("/api/v1/members/" + courier + "/approve");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(as(member(courier)).get("/api/v1/members/" + courier).<String>path("status")).isEqualTo("ACTIVE");
        assertThat(as(staff(couriers)).post("/api/v1/members/" + courier + "/cards").statusCode()).isEqualTo(201);
    }
}
