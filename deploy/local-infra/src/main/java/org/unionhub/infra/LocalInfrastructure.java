package org.unionhub.infra;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local launcher's infrastructure process: starts (or finds) PostgreSQL and Kafka, creates
 * the service databases, writes {@code infra.env} for the services and waits until stopped.
 *
 * <pre>java -cp ... org.unionhub.infra.LocalInfrastructure DIR PG_PORT KAFKA_PORT db1,db2,...</pre>
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".local");
        int pgPort = Integer.parseInt(args.length > 1 ? args[1] : "15432");
        int kafkaPort = Integer.parseInt(args.length > 2 ? args[2] : "19092");
        List<String> databases = List.of((args.length > 3 ? args[3] : "membership,venue,assistance,competition,partner").split(","));
        Map<String, String> env = System.getenv();

        PostgresServer configuredPg = PostgresServer.configured(env);
        PostgresServer pg = configuredPg != null ? configuredPg
                : PostgresServer.embedded(new File(dir.resolve("data/postgres").toString()), pgPort);
        for (String db : databases) {
            pg.ensureDatabase(db);
        }

        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        KafkaBroker broker = null;
        if (bootstrap == null || bootstrap.isBlank()) {
            broker = new KafkaBroker(dir.resolve("data/kafka"), kafkaPort, kafkaPort + 1).start();
            bootstrap = broker.bootstrapServers();
        }

        StringBuilder out = new StringBuilder();
        out.append("PG_JDBC_BASE=jdbc:postgresql://").append(pg.host()).append(':').append(pg.port()).append('\n');
        out.append("PG_USER=").append(pg.user()).append('\n');
        out.append("PG_PASSWORD=").append(pg.password()).append('\n');
        out.append("KAFKA_BOOTSTRAP_SERVERS=").append(bootstrap).append('\n');
        Files.writeString(dir.resolve("infra.env"), out, StandardCharsets.UTF_8);
        System.out.println("PostgreSQL on " + pg.host() + ":" + pg.port() + (pg.isEmbedded() ? " (embedded)" : " (configured)"));
        System.out.println("Kafka on " + bootstrap + (broker != null ? " (embedded, pid " + broker.pid() + ")" : " (configured)"));
        System.out.println("INFRA READY");

        CountDownLatch stopped = new CountDownLatch(1);
        KafkaBroker startedBroker = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (startedBroker != null) {
                    startedBroker.stop();
                }
                pg.close();
            } catch (Exception e) {
                System.err.println("stopping infrastructure: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
