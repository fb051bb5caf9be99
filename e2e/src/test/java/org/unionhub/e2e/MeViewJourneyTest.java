package org.unionhub.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.unionhub.e2e.Suite.activeMember;
import static org.unionhub.e2e.Suite.admin;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.assertMoney;
import static org.unionhub.e2e.Suite.eventually;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.member;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.partnerTill;
import static org.unionhub.e2e.Suite.staff;

/**
 * The app's home screen, {@code GET /api/v1/me}: profile (masked), card, savings, bookings, open applications and
 * competition results in one answer; with competition-service stopped it still answers 200, that part null and named
 * under "unavailable". The outage part stops ONE process of the suite started by deploy/local/run.sh (its pid file) and
 * starts it again with run.sh, waiting until it is ready, so later tests find the suite whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeViewJourneyTest {

    static UUID me;
    static String card;

    @Test
    @Order(1)
    void theHomeScreenShowsEverythingOfTheMember() {
        UUID union = org("绥中县大货车行业联合工会", "INDUSTRY_JOINT", null);
        me = activeMember(union, idNumber());
        card = as(staff(union)).post("/api/v1/members/" + me + "/cards").then().statusCode(201).extract().path("number");
        String fuel = as(admin()).body("{\"name\":\"中石化加油站-" + Suite.suffix() + "\",\"category\":\"FUEL\",\"discountRate\":\"0.97\"}")
                .post("/api/v1/benefit-partners").then().statusCode(201).extract().path("id");
        as(partnerTill(fuel)).header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\":\"300.00\"}")
                .post("/api/v1/partner/cards/" + card + "/redemptions").then().statusCode(201);
        UUID venue = RiderRestStationAndBookingRaceTest.station(union, "司机之家", 40.2 + Math.random() / 10, 120.1);
        Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String activity = as(staff(union)).body("{\"title\":\"货车司机体检\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                        + startsAt.plus(1, ChronoUnit.HOURS) + "\",\"capacity\":20}")
                .post("/api/v1/venues/" + venue + "/activities").then().statusCode(201).extract().path("id");
        String booking = eventually(10, () -> as(member(me)).body("{\"memberId\":\"" + me + "\"}")
                .post("/api/v1/activities/" + activity + "/bookings"), r -> r.statusCode() == 201).path("id");
        String application = eventually(10, () -> as(member(me)).body("{\"memberId\":\"" + me + "\",\"programCode\":\"DAILY_RELIEF\","
                + "\"requestedAmount\":\"800.00\",\"reason\":\"冬季取暖困难\",\"details\":{}}").post("/api/v1/applications"),
                r -> r.statusCode() == 201).path("id");

        Response view = as(member(me)).get("/api/v1/me");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.jsonPath().getList("unavailable")).isEmpty();
        assertThat(view.<String>path("profile.name")).isEqualTo("王师傅");
        assertThat(view.<String>path("profile.status")).isEqualTo("ACTIVE");
        assertThat(view.asString()).doesNotContainPattern("\\d{17}[\\dX]"); // the ID number only masked
        assertThat(view.jsonPath().<String>getList("cards.items.number")).containsExactly(card);
        assertMoney(view.path("savings.saved"), "9.00");
        assertThat(view.jsonPath().<String>getList("upcomingBookings.items.bookingId")).containsExactly(booking);
        assertThat(view.jsonPath().<String>getList("openApplications.items.id")).containsExactly(application);
        assertThat(view.<Object>path("competitionResults")).isNotNull();
    }

    @Test
    @Order(2)
    void withCompetitionServiceStoppedTheHomeScreenStillAnswers() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("deploy/local/run.sh"))) {
            root = root.getParent();
        }
        assumeTrue(root != null && me != null);
        Path pidFile = root.resolve(".local/pids/competition-service.pid");
        assumeTrue(Files.isRegularFile(pidFile), "the suite was not started by this checkout's run.sh");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle competition = ProcessHandle.of(pid).orElse(null);
        assumeTrue(competition != null && competition.isAlive());
        competition.destroy();
        try {
            competition.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            Response view = as(member(me)).get("/api/v1/me");
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.jsonPath().<String>getList("unavailable")).containsExactly("competitionResults");
            assertThat(view.<Object>path("competitionResults")).isNull();
            assertThat(view.<String>path("profile.status")).isEqualTo("ACTIVE");
            assertThat(view.jsonPath().<String>getList("cards.items.number")).containsExactly(card);
        } finally {
            // the suite whole again for whatever runs next: run.sh starts only what is not running
            Process p = new ProcessBuilder(root.resolve("deploy/local/run.sh").toString(), "--detach")
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> as(member(me)).get("/api/v1/me").jsonPath().getList("unavailable").isEmpty());
        }
    }
}
