package org.unionhub.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code side of the comparison, read from the repository at test time: which apps exist, what
 * each one configures and reads, which topics it produces and consumes.
 */
final class Repo {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** A topic constant ({@code TOPIC = "venue.v1"}) or a literal topic handed to the outbox ({@code outbox.publish("venue.v1", ...)}). */
    static final Pattern TOPIC_CONSTANT = Pattern.compile("(?:TOPIC\\s*=|\\.publish\\()\\s*\"([^\"]+)\"");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private static Repo instance;

    final Path root;
    private final List<App> apps;
    private final Properties platformProperties;
    private final Set<String> platformJavaKeys;
    private final Set<String> platformArtifacts;

    private Repo(Path root) {
        this.root = root;
        this.platformProperties = load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        this.platformJavaKeys = javaConfigKeys(root.resolve("platform/src/main/java"), CONFIG_PROPERTY);
        this.platformArtifacts = artifacts(root.resolve("platform/pom.xml"));
        this.apps = discoverApps();
    }

    static synchronized Repo get() {
        if (instance == null) {
            instance = new Repo(findRoot());
        }
        return instance;
    }

    /** The module runs in deploy/manifests; walk up to the parent pom that lists it. */
    static Path findRoot() {
        List<Path> starts = new ArrayList<>();
        String configured = System.getProperty("unionhub.root");
        if (configured != null && !configured.isBlank()) {
            starts.add(Paths.get(configured));
        }
        starts.add(Paths.get("").toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                Path pom = p.resolve("pom.xml");
                if (Files.isRegularFile(pom) && read(pom).contains("<module>deploy/manifests</module>")) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("cannot find the repository root (a pom.xml listing deploy/manifests) above "
                + Paths.get("").toAbsolutePath());
    }

    List<App> apps() {
        return apps;
    }

    App app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no app " + name + " in " + root));
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    String rel(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Every topic the code names: channels, dead-letter topics, and the TOPIC constants it publishes to. */
    Map<String, String> topicsInCode() {
        Map<String, String> topics = new LinkedHashMap<>();
        for (App app : apps) {
            app.consumedTopics().forEach(t -> topics.putIfAbsent(t, app.propertiesFile()));
            app.deadLetterTopics().forEach(t -> topics.putIfAbsent(t, app.propertiesFile()));
            app.producedTopics().forEach((t, file) -> topics.putIfAbsent(t, file));
        }
        return topics;
    }

    /** Every Java source file of the platform and the apps. */
    List<Path> sources() {
        List<Path> all = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(List.of(root.resolve("platform/src/main/java")));
        apps.forEach(a -> dirs.add(root.resolve(a.dir()).resolve("src/main/java")));
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(all::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return all;
    }

    /**
     * The consumer group suffix of the platform's dead-letter replay ({@code serviceName + "-dlq-replay"}),
     * or null when the platform has none.
     */
    String deadLetterReplayGroupSuffix() {
        Pattern p = Pattern.compile("serviceName\\s*\\+\\s*\"(-[a-z-]*dlq[a-z-]*)\"");
        for (Path f : sources()) {
            if (!f.startsWith(root.resolve("platform"))) {
                continue;
            }
            Matcher m = p.matcher(read(f));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Prometheus names of the meters the code registers: Gauge/Counter/Timer.builder("a.b.c") -> a_b_c (+_total for counters). */
    Map<String, String> meters() {
        Map<String, String> names = new LinkedHashMap<>();
        Pattern p = Pattern.compile("(Gauge|Counter|Timer|DistributionSummary)\\.builder\\(\\s*\"([^\"]+)\"");
        for (Path f : sources()) {
            Matcher m = p.matcher(read(f));
            while (m.find()) {
                String base = m.group(2).replace('.', '_').replace('-', '_');
                String file = rel(f);
                switch (m.group(1)) {
                    case "Counter" -> names.putIfAbsent(base + "_total", file);
                    case "Timer", "DistributionSummary" -> {
                        String t = m.group(1).equals("Timer") && !base.endsWith("_seconds") ? base + "_seconds" : base;
                        for (String suffix : List.of("_count", "_sum", "_max", "_bucket")) {
                            names.putIfAbsent(t + suffix, file);
                        }
                    }
                    default -> names.putIfAbsent(base, file);
                }
            }
        }
        return names;
    }

    private List<App> discoverApps() {
        List<App> found = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(root, 3)) {
            poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.getParent().equals(root))
                    .filter(p -> !rel(p).contains("target/") && !rel(p).startsWith(".") && !rel(p).contains("/."))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(pom -> {
                        Path dir = pom.getParent();
                        Path props = dir.resolve("src/main/resources/application.properties");
                        if (Files.isRegularFile(props) && read(pom).contains("quarkus-maven-plugin")) {
                            found.add(app(dir, pom, props));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            throw new AssertionError("no app module (src/main/resources/application.properties + quarkus-maven-plugin) under " + root);
        }
        return List.copyOf(found);
    }

    private App app(Path dir, Path pom, Path propsFile) {
        Properties props = load(propsFile);
        Set<String> artifacts = artifacts(pom);
        boolean usesPlatform = artifacts.contains("platform");
        if (usesPlatform && "true".equals(props.getProperty("unionhub.membership-projection.enabled", "").trim())) {
            props = withPlatformChannels(props);
        }
        Set<String> extensions = new TreeSet<>(artifacts);
        Set<String> keys = new TreeSet<>();
        props.stringPropertyNames().forEach(k -> keys.add(stripProfile(k)));
        Path java = dir.resolve("src/main/java");
        keys.addAll(javaConfigKeys(java, CONFIG_PROPERTY));
        Set<String> mappingPrefixes = configMappingMembers(java);
        if (usesPlatform) {
            extensions.addAll(platformArtifacts);
            platformProperties.stringPropertyNames().forEach(k -> keys.add(stripProfile(k)));
            keys.addAll(platformJavaKeys);
        }
        Map<String, String> produced = new LinkedHashMap<>();
        if (Files.isDirectory(java)) {
            try (Stream<Path> files = Files.walk(java)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> {
                    Matcher m = TOPIC_CONSTANT.matcher(read(f));
                    while (m.find()) {
                        produced.putIfAbsent(m.group(1), rel(f));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String name = dir.getFileName().toString();
        return new App(name, rel(dir), rel(propsFile), props, keys, mappingPrefixes, extensions, produced);
    }

    private static final Pattern TOP_LEVEL_METHOD = Pattern.compile("(?m)^ {4}[A-Za-z][\\w<>, .?]*\\s+(\\w+)\\(\\)\\s*;");

    /**
     * For each {@code @ConfigMapping(prefix = "p")} interface, "p.member" for each of its top-level
     * members in kebab case (maxBodySize -> p.max-body-size): a variable must start with one of them.
     */
    static Set<String> configMappingMembers(Path dir) {
        Set<String> members = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return members;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String text = read(f);
                Matcher m = CONFIG_MAPPING.matcher(text);
                if (!m.find()) {
                    return;
                }
                String prefix = m.group(1);
                Matcher method = TOP_LEVEL_METHOD.matcher(text);
                boolean any = false;
                while (method.find()) {
                    members.add(prefix + "." + method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
                    any = true;
                }
                if (!any) {
                    members.add(prefix);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return members;
    }

    static String stripProfile(String key) {
        if (key.startsWith("%")) {
            int dot = key.indexOf('.');
            return dot < 0 ? key : key.substring(dot + 1);
        }
        return key;
    }

    private static Set<String> javaConfigKeys(Path dir, Pattern pattern) {
        Set<String> keys = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = pattern.matcher(read(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Set<String> artifacts(Path pom) {
        Set<String> ids = new LinkedHashSet<>();
        if (Files.isRegularFile(pom)) {
            Matcher m = ARTIFACT.matcher(read(pom));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /**
     * An app that opts into the platform's membership projection consumes the channels the platform's
     * defaults configure (group = quarkus.application.name): the app's properties with those added.
     */
    private Properties withPlatformChannels(Properties app) {
        Properties effective = new Properties();
        String appName = app.getProperty("quarkus.application.name", "");
        for (String key : platformProperties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.")) {
                effective.setProperty(key, platformProperties.getProperty(key)
                        .replace("${quarkus.application.name}", appName)
                        .replace("${unionhub.membership-projection.enabled}", "true"));
            }
        }
        app.stringPropertyNames().forEach(k -> effective.setProperty(k, app.getProperty(k)));
        return effective;
    }

    static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** One deployable Quarkus app (a domain service or the gateway). */
    record App(String name, String dir, String propertiesFile, Properties properties, Set<String> configKeys,
               Set<String> configMappingPrefixes, Set<String> extensions, Map<String, String> producedTopics) {

        int httpPort() {
            String port = properties.getProperty("quarkus.http.port");
            if (port == null) {
                throw new AssertionError(propertiesFile + " sets no quarkus.http.port");
            }
            return Integer.parseInt(port.trim());
        }

        boolean has(String extension) {
            return extensions.contains(extension);
        }

        boolean usesDatabase() {
            return has("quarkus-jdbc-postgresql") || has("quarkus-agroal");
        }

        boolean usesKafka() {
            return has("quarkus-messaging-kafka") || has("quarkus-kafka-client");
        }

        /** The last segment of the default JDBC URL: the service's own database. */
        String databaseName() {
            String url = properties.getProperty("quarkus.datasource.jdbc.url");
            return url == null ? null : url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        }

        Set<String> consumedTopics() {
            return channelValues("incoming", "topic");
        }

        Set<String> deadLetterTopics() {
            return channelValues("incoming", "dead-letter-queue.topic");
        }

        Set<String> outgoingTopics() {
            return channelValues("outgoing", "topic");
        }

        Set<String> consumerGroups() {
            return channelValues("incoming", "group.id");
        }

        /** Topic -> consumer group, for every incoming channel. */
        Map<String, String> consumption() {
            Map<String, String> byTopic = new LinkedHashMap<>();
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(stripProfile(key));
                if (m.matches()) {
                    String group = properties.getProperty("mp.messaging.incoming." + m.group(1) + ".group.id",
                            properties.getProperty("quarkus.application.name", name));
                    byTopic.put(properties.getProperty(key).trim(), group.trim());
                }
            }
            return byTopic;
        }

        /** Everything this app writes: its TOPIC constants, outgoing channels and dead-letter topics. */
        Set<String> writtenTopics() {
            Set<String> all = new TreeSet<>(producedTopics.keySet());
            all.addAll(outgoingTopics());
            all.addAll(deadLetterTopics());
            return all;
        }

        String serviceName() {
            return properties.getProperty("unionhub.service-name");
        }

        private Set<String> channelValues(String direction, String suffix) {
            Set<String> values = new TreeSet<>();
            Pattern p = Pattern.compile("mp\\.messaging\\." + direction + "\\.[^.]+\\." + Pattern.quote(suffix));
            for (String key : properties.stringPropertyNames()) {
                if (p.matcher(stripProfile(key)).matches()) {
                    values.add(properties.getProperty(key).trim());
                }
            }
            return values;
        }
    }
}
