package org.unionhub.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Which configuration of an app is secret, or a development default that no deployment may keep. */
final class Secrets {

    static final Pattern SENSITIVE = Pattern.compile(".*(password|secret|hash-key|encryption-key|private-key|api-key)$");

    private Secrets() {
    }

    static final String PLATFORM_DEFAULTS = "platform/src/main/resources/META-INF/microprofile-config.properties";

    /**
     * Keys that hold secrets (their committed values are for development): of the app's own
     * application.properties, and of the platform's shared defaults when the app uses the platform
     * (e.g. unionhub.idempotency.hash-key).
     */
    static Set<String> sensitiveKeys(Repo.App app) {
        Set<String> keys = new TreeSet<>();
        List<Properties> sources = new ArrayList<>(List.of(app.properties()));
        if (app.has("platform")) {
            sources.add(Repo.load(Repo.get().path(PLATFORM_DEFAULTS)));
        }
        for (Properties p : sources) {
            for (String key : p.stringPropertyNames()) {
                String k = Repo.stripProfile(key);
                if (!key.startsWith("%") && SENSITIVE.matcher(k).matches()) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** Keys whose committed value points at the development key pair or says it is for development only. */
    static Set<String> developmentDefaults(Repo.App app) {
        Set<String> keys = new TreeSet<>();
        Properties own = app.properties();
        Properties platform = app.has("platform")
                ? Repo.load(Repo.get().path(PLATFORM_DEFAULTS))
                : new Properties();
        for (Properties p : new Properties[] {own, platform}) {
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (!key.startsWith("%") && (value.contains("dev-keys/") || value.toUpperCase().contains("DEVELOPMENT"))) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
