package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.unionhub.deploy.Manifests.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks shared by several tests, written as functions so that CheckerSelfTest can feed them bad input. */
final class Checks {

    /** Probe -> the SmallRye Health path it must use. */
    static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    private Checks() {
    }

    static List<String> containerPortsAndProbes(Resource dep, JsonNode container, int port, Repo.App app) {
        List<String> problems = new ArrayList<>();
        String where = dep.where() + " container " + container.path("name").asText();
        JsonNode ports = container.path("ports");
        if (ports.size() == 0) {
            problems.add(where + ": declares no containerPort (quarkus.http.port is " + port + " in " + app.propertiesFile() + ")");
        }
        for (JsonNode p : ports) {
            if (p.path("containerPort").asInt() != port) {
                problems.add(where + ": containerPort " + p.path("containerPort").asInt() + " but quarkus.http.port is "
                        + port + " in " + app.propertiesFile());
            }
        }
        for (Map.Entry<String, String> probe : PROBES.entrySet()) {
            JsonNode get = container.path(probe.getKey()).path("httpGet");
            if (get.isMissingNode()) {
                problems.add(where + ": no " + probe.getKey() + " (httpGet " + probe.getValue() + ")");
                continue;
            }
            if (!get.path("path").asText().equals(probe.getValue())) {
                problems.add(where + ": " + probe.getKey() + " path " + get.path("path").asText() + " but SmallRye Health serves "
                        + probe.getValue());
            }
            JsonNode probePort = get.path("port");
            boolean reaches = probePort.isInt() ? probePort.asInt() == port
                    : Manifests.stream(ports).anyMatch(p -> p.path("name").asText().equals(probePort.asText())
                    && p.path("containerPort").asInt() == port);
            if (!reaches) {
                problems.add(where + ": " + probe.getKey() + " port " + probePort + " is not the app's port " + port);
            }
        }
        return problems;
    }
}
