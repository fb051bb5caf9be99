package org.unionhub.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an environment variable that a manifest sets reaches a configuration key the app
 * really reads, following the MicroProfile Config environment mapping: a key {@code a.b-c} is found
 * under {@code a.b-c}, {@code a_b_c} and {@code A_B_C}, i.e. every character that is not a letter
 * or digit becomes {@code _} and the result is upper-cased.
 */
final class ConfigKeys {

    /**
     * Keys Quarkus documents for an extension the app carries, which an app need not repeat in its
     * application.properties. A prefix ending in "." admits every key below it.
     */
    static final Map<String, List<String>> DOCUMENTED = Map.of(
            // core and HTTP: every Quarkus app
            "", List.of("quarkus.http.port", "quarkus.http.host", "quarkus.http.proxy.", "quarkus.http.cors.",
                    "quarkus.shutdown.timeout", "quarkus.log.level", "quarkus.log.category.", "quarkus.profile"),
            "quarkus-jdbc-postgresql", List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password", "quarkus.datasource.jdbc.max-size", "quarkus.datasource.jdbc.min-size"),
            "quarkus-logging-json", List.of("quarkus.log.console.json"),
            "quarkus-opentelemetry", List.of("quarkus.otel."),
            "quarkus-smallrye-jwt", List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer"));

    /**
     * Kafka client settings: SmallRye Kafka hands every {@code kafka.*} key to all the app's Kafka
     * clients, and Quarkus turns a {@code KAFKA_X_Y} variable into {@code kafka.x.y}. Only these
     * client settings may be set that way (a typo would otherwise be silently ignored by Kafka).
     */
    static final Set<String> KAFKA_CLIENT_SETTINGS = Set.of("bootstrap.servers", "security.protocol", "sasl.mechanism",
            "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type",
            "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.type", "ssl.endpoint.identification.algorithm",
            "client.rack");

    private ConfigKeys() {
    }

    static String envName(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : Repo.stripProfile(key).toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    /** Empty when the variable maps to a key the app reads; otherwise why not. */
    static Optional<String> check(Repo.App app, String variable, Set<String> imageVariables) {
        if (imageVariables.contains(variable)) {
            return Optional.empty();
        }
        for (String key : app.configKeys()) {
            if (envName(key).equals(variable)) {
                return Optional.empty();
            }
        }
        for (String member : app.configMappingPrefixes()) {
            String env = envName(member);
            if (variable.equals(env) || variable.startsWith(env + "_")) {
                return Optional.empty();
            }
        }
        for (Map.Entry<String, List<String>> documented : DOCUMENTED.entrySet()) {
            if (!documented.getKey().isEmpty() && !app.has(documented.getKey())) {
                continue;
            }
            for (String key : documented.getValue()) {
                if (key.endsWith(".") ? variable.startsWith(envName(key)) : envName(key).equals(variable)) {
                    return Optional.empty();
                }
            }
        }
        if (app.usesKafka() && variable.startsWith("KAFKA_")) {
            String setting = variable.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
            if (KAFKA_CLIENT_SETTINGS.contains(setting)) {
                return Optional.empty();
            }
            return Optional.of(variable + " would become Kafka client setting '" + setting + "', which is not one of "
                    + new java.util.TreeSet<>(KAFKA_CLIENT_SETTINGS));
        }
        return Optional.of(variable + " maps to no configuration key that " + app.name() + " reads (not in "
                + app.propertiesFile() + (app.has("platform") ? ", platform's microprofile-config.properties" : "")
                + ", a @ConfigProperty/@ConfigMapping, nor a documented key of its extensions)");
    }
}
