package org.unionhub.venue.booking;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.Metrics;
import org.unionhub.venue.Fixtures;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.venue.Fixtures.book;

/** Bookings are counted on /q/metrics by the status they got. */
@QuarkusTest
class BookingMetricsTest {

    @Inject
    Fixtures fixtures;

    static double bookings(String status) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> labels = Map.of("status", status, "application", "venue-service");
        assertThat(Metrics.find(metrics, "unionhub_bookings_total", labels)).as("registered from the start").hasSize(1);
        return Metrics.sum(metrics, "unionhub_bookings_total", labels);
    }

    @Test
    void aConfirmedAndAWaitlistedBookingAreCountedByStatus() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        UUID activity = Fixtures.activity(org, venue, 1, false, Duration.ofDays(2));
        double confirmed = bookings("CONFIRMED");
        double waitlisted = bookings("WAITLISTED");

        book(activity, UUID.randomUUID()).then().statusCode(201).body("status", equalTo("CONFIRMED"));
        book(activity, UUID.randomUUID()).then().statusCode(201).body("status", equalTo("WAITLISTED"));
        UUID twice = UUID.randomUUID();
        book(activity, twice).then().statusCode(201);
        book(activity, twice).then().statusCode(409); // refused: not counted

        assertThat(bookings("CONFIRMED")).isEqualTo(confirmed + 1);
        assertThat(bookings("WAITLISTED")).isEqualTo(waitlisted + 2);
    }
}
