package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.deploy.Manifests.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.KubernetesTest.BASE;
import static org.unionhub.deploy.KubernetesTest.DEV;
import static org.unionhub.deploy.KubernetesTest.PROD;
import static org.unionhub.deploy.KubernetesTest.rendered;

/** The gateway's upstreams (gateway.services.<name>.url) point at the right Service and port everywhere. */
class GatewayRoutesTest {

    static final Pattern UPSTREAM = Pattern.compile("gateway\\.services\\.([^.]+)\\.url");

    private final Repo repo = Repo.get();

    /** Upstream name -> the app it must reach ("venue" -> venue-service). */
    Map<String, Repo.App> upstreams() {
        Map<String, Repo.App> byName = new TreeMap<>();
        Repo.App gateway = repo.app("gateway");
        for (String key : gateway.properties().stringPropertyNames()) {
            Matcher m = UPSTREAM.matcher(Repo.stripProfile(key));
            if (m.matches()) {
                Optional<Repo.App> app = repo.apps().stream()
                        .filter(a -> a.name().equals(m.group(1)) || a.name().equals(m.group(1) + "-service")).findFirst();
                if (app.isEmpty()) {
                    throw new AssertionError(gateway.propertiesFile() + ": upstream " + m.group(1) + " is no app module");
                }
                byName.put(m.group(1), app.get());
            }
        }
        assertThat(byName).as("gateway.services.*.url in " + gateway.propertiesFile()).isNotEmpty();
        return byName;
    }

    static String variable(String upstream) {
        return ConfigKeys.envName("gateway.services." + upstream + ".url");
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void kubernetes_points_the_gateway_at_each_service(String dir) {
        List<Resource> all = rendered(dir);
        Resource gateway = Manifests.find(all, "Deployment", "gateway").orElseThrow();
        List<String> problems = new ArrayList<>();
        upstreams().forEach((name, app) -> {
            String expected = "http://" + app.name() + ":" + app.httpPort();
            String actual = KubernetesTest.configValue(all, gateway, variable(name));
            if (!expected.equals(actual)) {
                problems.add(gateway.where() + ": " + variable(name) + " is " + actual + " instead of " + expected
                        + " (Service " + app.name() + ", quarkus.http.port of " + app.propertiesFile() + ")");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void compose_points_the_gateway_at_each_service() {
        JsonNode gateway = ComposeTest.load().path("services").path("gateway");
        Map<String, String> env = ComposeTest.environment(gateway);
        List<String> problems = new ArrayList<>();
        upstreams().forEach((name, app) -> {
            String expected = "http://" + app.name() + ":" + app.httpPort();
            String actual = env.get(variable(name));
            if (!expected.equals(actual == null ? null : ComposeTest.interpolate(actual))) {
                problems.add(ComposeTest.FILE + " service gateway: " + variable(name) + " is " + actual + " instead of " + expected);
            }
        });
        assertThat(problems).isEmpty();
    }
}
