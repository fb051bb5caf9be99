package org.unionhub.infra.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The databases the test JVM's {@code @QuarkusTest}s wrote to, for {@link OutboxContract}, which runs after them as a
 * plain JUnit test. Kept in a system property because Quarkus loads the test resource in its own class loader: a
 * static field would not be the one the plain test sees.
 */
public final class OutboxDatabases {

    static final String PROPERTY = "unionhub.test.outbox-databases";

    /** One database's connection. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    private OutboxDatabases() {
    }

    public static synchronized void remember(String jdbcUrl, String user, String password) {
        Set<String> lines = new LinkedHashSet<>(List.of(System.getProperty(PROPERTY, "").split("\n")));
        lines.remove("");
        lines.add(jdbcUrl + "\t" + user + "\t" + (password == null ? "" : password));
        System.setProperty(PROPERTY, String.join("\n", lines));
    }

    public static synchronized List<Database> all() {
        List<Database> dbs = new ArrayList<>();
        for (String line : System.getProperty(PROPERTY, "").split("\n")) {
            if (!line.isBlank()) {
                String[] p = line.split("\t", -1);
                dbs.add(new Database(p[0], p[1], p[2]));
            }
        }
        return dbs;
    }
}
