package org.unionhub.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL: the one configuration names (PGHOST/PGPORT/PGUSER/PGPASSWORD), else one
 * started from the embedded binaries. Databases are created on demand, idempotently.
 */
public final class PostgresServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private EmbeddedPostgres embedded;
    /** How the embedded server was built, so that {@link #stop()} and {@link #start()} can bring it back on its port and data. */
    private final EmbeddedPostgres.Builder builder;
    private File throwAwayDirectory;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded,
                           EmbeddedPostgres.Builder builder) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.builder = builder;
    }

    /** The server named by PG* environment variables, or null when none is named. */
    public static PostgresServer configured(Map<String, String> env) {
        String host = env.get("PGHOST");
        if (host == null || host.isBlank()) {
            return null;
        }
        return new PostgresServer(host,
                Integer.parseInt(env.getOrDefault("PGPORT", "5432")),
                env.getOrDefault("PGUSER", "postgres"),
                env.getOrDefault("PGPASSWORD", ""),
                null, null);
    }

    /**
     * Starts PostgreSQL from the embedded binaries.
     *
     * @param dataDirectory kept across restarts when given; a throw-away one when null
     * @param port 0 for any free port
     */
    public static PostgresServer embedded(File dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port == 0 ? FreePorts.pick() : port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
        File throwAway = null;
        if (dataDirectory == null) {
            // a directory of our own rather than the library's (which it empties on stop), so that a test can stop and
            // start the server without losing its databases; removed by close()
            throwAway = java.nio.file.Files.createTempDirectory("unionhub-pg-").toFile();
            dataDirectory = throwAway;
        }
        dataDirectory.mkdirs();
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        EmbeddedPostgres pg = builder.start();
        PostgresServer server = new PostgresServer("localhost", pg.getPort(), "postgres", "postgres", pg, builder);
        server.throwAwayDirectory = throwAway;
        return server;
    }

    /**
     * Stops the embedded server as an outage would (its clients' connections are cut, new ones refused), keeping
     * its data; {@link #start()} brings it back on the same port. For tests of database trouble.
     */
    public synchronized void stop() throws IOException {
        requireRestartable();
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /** Starts the embedded server again after {@link #stop()}, on the same port and data. */
    public synchronized void start() throws IOException {
        requireRestartable();
        if (embedded == null) {
            embedded = builder.start();
        }
    }

    private void requireRestartable() {
        if (builder == null) {
            throw new IllegalStateException("only the embedded PostgreSQL can be stopped and started by a test");
        }
    }

    public PostgresServer ensureDatabase(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return this;
                }
            }
            try {
                st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException raced) {
                // another process created it between the look and the create: that is what we wanted
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        }
        return this;
    }

    public void dropDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() { return host; }

    public int port() { return port; }

    public String user() { return user; }

    public String password() { return password; }

    public boolean isEmbedded() { return builder != null; }

    @Override
    public synchronized void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (throwAwayDirectory != null) {
            try (var paths = java.nio.file.Files.walk(throwAwayDirectory.toPath())) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile).forEach(File::delete);
            }
        }
    }
}
