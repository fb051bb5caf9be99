package org.unionhub.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) run as its own
 * JVM process from the jars Maven resolved for {@code unionhub-kafka-runtime}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/org/unionhub/infra/kafka-runtime.classpath";

    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker(Path workDir, int port, int controllerPort) {
        this.workDir = workDir;
        this.port = port == 0 ? FreePorts.pick() : port;
        this.controllerPort = controllerPort == 0 ? FreePorts.pick() : controllerPort;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Formats the storage on first use, starts the broker and waits until it serves. */
    public KafkaBroker start() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path logDir = workDir.resolve("data");
        Path props = writeServerProperties(logDir);
        Path log4j = writeLog4j();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int code = java(log4j, workDir.resolve("format.log"),
                    "kafka.tools.StorageTool", "format", "--standalone", "--cluster-id=" + clusterId(), "--config=" + props)
                    .waitFor();
            if (code != 0) {
                throw new IOException("formatting Kafka storage failed, see " + workDir.resolve("format.log"));
            }
        }
        Path brokerLog = workDir.resolve("broker.log");
        process = java(log4j, brokerLog, "kafka.Kafka", props.toString());
        awaitStarted(brokerLog, Duration.ofSeconds(120));
        return this;
    }

    /** Stops the broker the way an operator would: SIGTERM, then a kill if it hangs. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private Process java(Path log4j, Path output, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms128m");
        cmd.add("-Xmx512m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        cmd.add("-cp");
        cmd.add(brokerClasspath());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        pb.environment().remove("KAFKA_OPTS");
        return pb.start();
    }

    private Path writeServerProperties(Path logDir) throws IOException {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                "");
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, props, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLog4j() throws IOException {
        Path file = workDir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.console.ref=console",
                "appender.console.type=Console",
                "appender.console.name=console",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                "logger.apache.name=org.apache.kafka",
                "logger.apache.level=WARN",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    private void awaitStarted(Path brokerLog, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with " + process.exitValue() + ", see " + brokerLog);
            }
            if (Files.exists(brokerLog) && Files.readString(brokerLog).contains("Kafka Server started") && portOpen()) {
                return;
            }
            Thread.sleep(200);
        }
        stop();
        throw new IOException("Kafka broker not started within " + timeout + ", see " + brokerLog);
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + CLASSPATH_RESOURCE + ": build deploy/kafka-runtime first");
            }
            String cp = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : cp.split(File.pathSeparator)) {
                if (!new File(jar).exists()) {
                    throw new IllegalStateException("Kafka runtime jar missing (" + jar + "): rebuild deploy/kafka-runtime");
                }
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kafka cluster ids are 16 random bytes, URL-safe Base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
