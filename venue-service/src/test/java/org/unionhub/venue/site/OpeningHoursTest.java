package org.unionhub.venue.site;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursTest {

    @Test
    void openNowIsDecidedInShanghaiTime() {
        OpeningHours h = OpeningHours.of("openingHours", Map.of(DayOfWeek.MONDAY, List.of(new OpeningHours.Period("09:00", "21:00"))));
        // 2023-02-20 is a Monday: 01:00Z is 09:00 in Shanghai, 00:59Z still 08:59
        assertThat(h.isOpenAt(Instant.parse("2023-02-20T01:00:00Z"))).isTrue();
        assertThat(h.isOpenAt(Instant.parse("2023-02-20T00:59:00Z"))).isFalse();
        assertThat(h.isOpenAt(Instant.parse("2023-02-20T12:59:00Z"))).isTrue();
        assertThat(h.isOpenAt(Instant.parse("2023-02-20T13:00:00Z"))).isFalse();
        assertThat(h.isOpenAt(Instant.parse("2023-02-21T02:00:00Z"))).as("Tuesday").isFalse();
    }

    @Test
    void midnightClosingAndSundayAreTheEndOfTheWeek() {
        OpeningHours h = OpeningHours.of("h", Map.of(DayOfWeek.SUNDAY, List.of(new OpeningHours.Period("00:00", "24:00"))));
        assertThat(h.intervals()).containsExactly(new OpeningHours.WeekInterval(6 * 1440, 7 * 1440));
        assertThat(h.isOpenAt(Instant.parse("2023-02-26T15:59:00Z"))).isTrue();
        assertThat(h.isOpenAt(Instant.parse("2023-02-26T16:00:00Z"))).as("Monday 00:00 Shanghai").isFalse();
    }

    @Test
    void badPeriodsNameTheirField() {
        assertThatThrownBy(() -> OpeningHours.of("openingHours", Map.of(DayOfWeek.FRIDAY, List.of(new OpeningHours.Period("10:00", "10:00")))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("openingHours.FRIDAY[0].closes");
        assertThatThrownBy(() -> OpeningHours.of("openingHours", Map.of(DayOfWeek.FRIDAY, List.of(new OpeningHours.Period("25:00", "26:00")))))
                .hasMessageContaining("openingHours.FRIDAY[0].opens");
    }

    @Test
    void aVenueCannotBeItsOwnAncestor() {
        UUID root = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        String rootPath = NetworkPath.of(null, root);
        String childPath = NetworkPath.of(rootPath, child);
        assertThat(childPath).isEqualTo("/" + root + "/" + child + "/");
        assertThat(NetworkPath.depth(childPath)).isEqualTo(2);
        assertThatThrownBy(() -> NetworkPath.requireAcyclic(root, child, childPath)).hasMessageContaining("own ancestor");
        assertThatThrownBy(() -> NetworkPath.requireAcyclic(root, root, rootPath)).hasMessageContaining("own ancestor");
        NetworkPath.requireAcyclic(child, root, rootPath);
    }
}
