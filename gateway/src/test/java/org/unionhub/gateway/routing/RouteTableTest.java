package org.unionhub.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private final RouteTable table;

    RouteTableTest() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("membership", List.of("/api/v1/members", "/api/v1/cards"));
        m.put("venue", List.of("/api/v1/venues", "/api/v1/members/*/bookings"));
        m.put("competition", List.of("/api/v1/members/*/competition-results"));
        m.put("special", List.of("/api/v1/members/me/bookings"));
        table = new RouteTable(m);
    }

    @Test
    void theMostSpecificPatternWins() {
        assertThat(table.serviceFor("/api/v1/members/42/bookings/7")).contains("venue");
        assertThat(table.serviceFor("/api/v1/members/42/bookings")).contains("venue");
        assertThat(table.serviceFor("/api/v1/members/42/competition-results")).contains("competition");
        assertThat(table.serviceFor("/api/v1/members/42/cards")).contains("membership");
        assertThat(table.serviceFor("/api/v1/members/42")).contains("membership");
        assertThat(table.serviceFor("/api/v1/members")).contains("membership");
        // a literal segment beats a wildcard at the same depth
        assertThat(table.serviceFor("/api/v1/members/me/bookings")).contains("special");
    }

    @Test
    void prefixesMatchWholeSegments() {
        assertThat(table.serviceFor("/api/v1/membersX")).isEmpty();
        assertThat(table.serviceFor("/api/v1/venue")).isEmpty();
        assertThat(table.serviceFor("/api/v1")).isEmpty();
        assertThat(table.serviceFor("/api/v1/venues/")).contains("venue");
    }

    @Test
    void publicRoutesNameAMethodAndAPrefix() {
        PublicRoutes p = new PublicRoutes(List.of("GET /api/v1/programs", " GET /api/v1/venues "));
        assertThat(p.isPublic("GET", "/api/v1/programs")).isTrue();
        assertThat(p.isPublic("HEAD", "/api/v1/programs/1")).isTrue();
        assertThat(p.isPublic("POST", "/api/v1/programs")).isFalse();
        assertThat(p.isPublic("GET", "/api/v1/programsX")).isFalse();
        assertThat(p.isPublic("GET", "/api/v1/venues/1/slots")).isTrue();
        assertThat(p.isPublic("GET", "/api/v1/bookings")).isFalse();
    }
}
