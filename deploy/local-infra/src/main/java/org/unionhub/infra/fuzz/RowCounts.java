package org.unionhub.infra.fuzz;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The number of rows of every table of a service's schema, read in one statement, so that a campaign can probe it
 * before and after each case: a refused request (4xx) must leave every count as it was.
 *
 * <p>Left out by default: Flyway's history and the tables that other threads change while the campaign runs (the
 * outbox relay publishes and marks rows, the Kafka consumers fill the projections and the inbox). A 4xx that wrote an
 * event would still show, because the outbox row is written in the same transaction as the state it announces.
 */
public final class RowCounts implements Supplier<Map<String, Long>> {

    public static final Set<String> CHANGED_IN_BACKGROUND = Set.of("flyway_schema_history", "outbox",
            "processed_event", "member_view", "organization_view",
            // membership's organization counters: a job folds the changes into the totals every second
            "organization_count_delta", "organization_count", "organization_card_count");

    private final DataSource dataSource;
    private final Set<String> ignored;
    private volatile String query;
    private volatile List<String> tables;

    private RowCounts(DataSource dataSource, Set<String> ignored) {
        this.dataSource = dataSource;
        this.ignored = ignored;
    }

    /** Every table of the connection's current schema except {@link #CHANGED_IN_BACKGROUND} and {@code alsoIgnored}. */
    public static RowCounts of(DataSource dataSource, String... alsoIgnored) {
        Set<String> ignored = new java.util.HashSet<>(CHANGED_IN_BACKGROUND);
        for (String t : alsoIgnored) {
            ignored.add(t.toLowerCase(Locale.ROOT));
        }
        return new RowCounts(dataSource, Set.copyOf(ignored));
    }

    public List<String> tables() {
        prepare();
        return tables;
    }

    @Override
    public Map<String, Long> get() {
        prepare();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 1));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("row counts unreadable", e);
        }
    }

    private void prepare() {
        if (query != null) {
            return;
        }
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!ignored.contains(t.toLowerCase(Locale.ROOT))) {
                    found.add(t);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tables unreadable", e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no table to count in the current schema");
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < found.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM \"").append(found.get(i)).append("\")");
        }
        tables = List.copyOf(found);
        query = sql.toString();
    }
}
