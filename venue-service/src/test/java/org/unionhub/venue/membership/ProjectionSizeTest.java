package org.unionhub.venue.membership;

import org.junit.jupiter.api.Test;
import org.unionhub.infra.PostgresServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How big each service's member projection is per million members (docs/architecture.md "Projections"):
 * {@code member_view} as the platform creates it, then as each consuming service's V20 migration and
 * member-fields leave it, filled with N realistic members (a three-character Chinese name, a grassroots
 * union five levels deep, an employment form) and measured with {@code pg_total_relation_size} (heap,
 * TOAST and indexes). Sizes, not timings: they do not depend on the machine's load. Prints the table.
 */
class ProjectionSizeTest {

    static final int N = 100_000;
    static final Path ROOT = Path.of("..");

    /** service -> the member columns it keeps (besides id, status, organization_id, updated_at) */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("before (every field, organization index)", null);
        SERVICES.put("venue-service", "organization_path");
        SERVICES.put("assistance-service", "organization_path,employment_form");
        SERVICES.put("competition-service", "name");
    }

    @Test
    void eachServiceKeepsOnlyWhatItReadsAndTheFiguresSayHowBigThatIs() throws Exception {
        String platform = Files.readString(ROOT.resolve("platform/src/main/resources/db/platform/V0_1__platform_tables.sql"),
                StandardCharsets.UTF_8);
        Matcher table = Pattern.compile("CREATE TABLE member_view \\(.*?\\);\\s*CREATE INDEX member_view_org[^;]*;", Pattern.DOTALL)
                .matcher(platform);
        assertThat(table.find()).as("member_view in the platform's V0_1").isTrue();
        Map<String, Long> bytes = new LinkedHashMap<>();
        try (PostgresServer pg = PostgresServer.embedded(null, 0)) {
            pg.ensureDatabase("sizes");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("sizes"), pg.user(), pg.password());
                 Statement st = c.createStatement()) {
                int i = 0;
                for (Map.Entry<String, String> service : SERVICES.entrySet()) {
                    String schema = "s" + i++;
                    st.execute("CREATE SCHEMA " + schema + "; SET search_path = " + schema);
                    st.execute(table.group());
                    if (service.getValue() != null) {
                        st.execute(Files.readString(ROOT.resolve(service.getKey()
                                + "/src/main/resources/db/migration/V20__slim_member_view.sql"), StandardCharsets.UTF_8));
                    }
                    String fields = service.getValue() == null ? "name,organization_path,employment_form" : service.getValue();
                    st.execute(insert(fields));
                    st.execute("VACUUM ANALYZE member_view");
                    try (ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('member_view')")) {
                        rs.next();
                        bytes.put(service.getKey(), rs.getLong(1));
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("| projection | bytes per member | MB per million members |\n| --- | --- | --- |\n");
        bytes.forEach((service, total) -> report.append(String.format("| %s | %d | %d |%n", service, total / N,
                Math.round(total / (double) N * 1_000_000 / (1024 * 1024)))));
        System.out.println("member_view sizes at " + N + " members:\n" + report);
        long before = bytes.get("before (every field, organization index)");
        bytes.forEach((service, total) -> {
            if (!service.startsWith("before")) {
                assertThat(total).as(service).isLessThan(before);
            }
        });
    }

    /** N members: what membership announces, each service keeping only its fields (the others stay null). */
    private static String insert(String fields) {
        boolean name = fields.contains("name");
        boolean path = fields.contains("organization_path");
        boolean form = fields.contains("employment_form");
        return "INSERT INTO member_view (id, name, status, organization_id, organization_path, employment_form, updated_at) "
                + "SELECT gen_random_uuid(), " + (name ? "'王小' || chr(19968 + (g % 20000))" : "NULL")
                + ", 'ACTIVE', o.id, " + (path ? "'/' || gen_random_uuid() || '/' || gen_random_uuid() || '/' || gen_random_uuid() || '/' "
                + "|| gen_random_uuid() || '/' || o.id || '/'" : "NULL")
                + ", " + (form ? "(ARRAY['COURIER','TRUCK_DRIVER','RIDE_HAILING_DRIVER','DOMESTIC_WORKER'])[1 + g % 4]" : "NULL")
                + ", now() FROM generate_series(1, " + N + ") g, LATERAL (SELECT gen_random_uuid() AS id) o";
    }
}
