package org.unionhub.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL: the one configuration names (PGHOST/PGPORT/PGUSER/PGPASSWORD), else one
 * started from the embedded binaries. Databases are created on demand, idempotently.
 */
public final class PostgresServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private String stoppedDataDirectory;
    private List<String> stoppedCommand;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
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
                null);
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
        if (dataDirectory != null) {
            dataDirectory.mkdirs();
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        return new PostgresServer("localhost", pg.getPort(), "postgres", "postgres", pg);
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

    public boolean isEmbedded() { return embedded != null; }

    /**
     * Stops the embedded server ({@code pg_ctl stop -m fast}: every connection is cut with {@code 57P01},
     * new ones are refused) and keeps its data, for tests of how the services ride out a database outage.
     * {@link #start()} brings it back on the same port with the same settings.
     */
    public synchronized void stop() throws IOException, InterruptedException, SQLException {
        requireEmbedded();
        if (stoppedDataDirectory != null) {
            return;
        }
        String dataDirectory;
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            dataDirectory = rs.getString(1);
        }
        // the command line the server was started with: its binary and its options (-p port, -c settings)
        List<String> command = postmasterCommand(Path.of(dataDirectory));
        pgCtl(Path.of(command.get(0)).resolveSibling("pg_ctl"), List.of("-D", dataDirectory, "stop", "-m", "fast", "-w"));
        stoppedDataDirectory = dataDirectory;
        stoppedCommand = command;
    }

    /** Starts the server {@link #stop()} stopped, and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        requireEmbedded();
        if (stoppedDataDirectory == null) {
            return;
        }
        StringBuilder options = new StringBuilder();
        for (int i = 1; i < stoppedCommand.size(); i++) {
            String arg = stoppedCommand.get(i);
            if (arg.equals("-D")) {
                i++; // pg_ctl names the data directory itself
                continue;
            }
            options.append(options.isEmpty() ? "" : " ").append('"').append(arg.replace("\"", "\\\"")).append('"');
        }
        pgCtl(Path.of(stoppedCommand.get(0)).resolveSibling("pg_ctl"),
                List.of("-D", stoppedDataDirectory, "-o", options.toString(), "-l",
                        Path.of(stoppedDataDirectory).resolveSibling("restarted-postgres.log").toString(), "start", "-w", "-t", "60"));
        stoppedDataDirectory = null;
        stoppedCommand = null;
    }

    private void requireEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded PostgreSQL can be stopped and started by a test");
        }
    }

    private static List<String> postmasterCommand(Path dataDirectory) throws IOException {
        String line = Files.readString(dataDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args;
    }

    private static void pgCtl(Path pgCtl, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(pgCtl.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pg_ctl " + args + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
