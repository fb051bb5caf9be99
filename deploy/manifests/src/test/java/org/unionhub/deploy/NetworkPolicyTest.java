package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.deploy.Manifests.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.KubernetesTest.BASE;
import static org.unionhub.deploy.KubernetesTest.DEV;
import static org.unionhub.deploy.KubernetesTest.PROD;
import static org.unionhub.deploy.KubernetesTest.rendered;
import static org.unionhub.deploy.Manifests.ofKind;

/**
 * Traffic rules: only the gateway takes traffic from outside (through the Ingress controller), the
 * services only from the gateway (and Prometheus), and the services reach only PostgreSQL, Kafka
 * and DNS. Evaluated by label matching over the rendered NetworkPolicies.
 */
class NetworkPolicyTest {

    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";
    static final Set<Integer> SERVICE_EGRESS_PORTS = Set.of(5432, 9092, 53);

    private final Repo repo = Repo.get();

    /** The labels the pods of an app carry. */
    static Map<String, String> podLabels(List<Resource> all, String app) {
        Map<String, String> labels = new TreeMap<>();
        Manifests.find(all, "Deployment", app).ifPresent(d ->
                d.at("/spec/template/metadata/labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText())));
        return labels;
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode()) {
            return false;
        }
        for (var it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            var f = it.next();
            if (!f.getValue().asText().equals(labels.get(f.getKey()))) {
                return false;
            }
        }
        return !selector.has("matchExpressions");
    }

    static List<Resource> policiesFor(List<Resource> all, Map<String, String> labels) {
        return ofKind(all, "NetworkPolicy").stream().filter(p -> selects(p.at("/spec/podSelector"), labels)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void every_app_is_denied_by_default_in_both_directions(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Map<String, String> labels = podLabels(all, app.name());
            boolean ingress = false;
            boolean egress = false;
            for (Resource p : policiesFor(all, labels)) {
                for (JsonNode t : p.at("/spec/policyTypes")) {
                    ingress |= t.asText().equals("Ingress");
                    egress |= t.asText().equals("Egress");
                }
            }
            if (!ingress || !egress) {
                problems.add(dir + ": the pods of " + app.name() + " " + labels + " are not isolated for "
                        + (ingress ? "" : "Ingress ") + (egress ? "" : "Egress"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void only_the_gateway_takes_traffic_from_outside_and_services_only_from_the_gateway(String dir) {
        List<Resource> all = rendered(dir);
        Map<String, String> gateway = podLabels(all, "gateway");
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            boolean isGateway = app.name().equals("gateway");
            for (Resource p : policiesFor(all, podLabels(all, app.name()))) {
                for (JsonNode rule : p.at("/spec/ingress")) {
                    if (!rule.has("from") || rule.path("from").size() == 0) {
                        problems.add(p.where() + ": an ingress rule without 'from' admits everyone to " + app.name());
                    }
                    for (JsonNode peer : rule.path("from")) {
                        String ns = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText(null);
                        boolean fromGateway = !peer.has("namespaceSelector") && selects(peer.path("podSelector"), gateway);
                        boolean fromIngress = INGRESS_NAMESPACE.equals(ns) && peer.has("podSelector");
                        boolean fromPrometheus = MONITORING_NAMESPACE.equals(ns) && peer.has("podSelector");
                        // the gateway serves /q/metrics too: Prometheus scrapes it like the services
                        boolean allowed = isGateway ? (fromIngress || fromPrometheus) : (fromGateway || fromPrometheus);
                        if (peer.has("ipBlock") || !allowed) {
                            problems.add(p.where() + ": " + app.name() + " admits " + peer + (isGateway
                                    ? " (only the Ingress controller and Prometheus may reach the gateway)"
                                    : " (a service accepts only the gateway and Prometheus)"));
                        }
                    }
                    for (JsonNode port : rule.path("ports")) {
                        if (port.path("port").asInt() != app.httpPort()) {
                            problems.add(p.where() + ": opens port " + port.path("port").asText() + " of " + app.name()
                                    + ", whose only port is " + app.httpPort());
                        }
                    }
                }
            }
        }
        List<Resource> ingresses = ofKind(all, "Ingress");
        if (ingresses.isEmpty()) {
            problems.add(dir + ": no Ingress for the gateway");
        }
        for (Resource ing : ingresses) {
            for (JsonNode rule : ing.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    if (!path.at("/backend/service/name").asText().equals("gateway")) {
                        problems.add(ing.where() + ": routes " + path.path("path").asText() + " to "
                                + path.at("/backend/service/name").asText() + "; only the gateway is exposed");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void services_reach_only_postgresql_kafka_and_dns_and_the_gateway_only_the_services(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            boolean isGateway = app.name().equals("gateway");
            boolean anyEgress = false;
            for (Resource p : policiesFor(all, podLabels(all, app.name()))) {
                for (JsonNode rule : p.at("/spec/egress")) {
                    anyEgress = true;
                    if (!rule.has("to") || rule.path("ports").size() == 0) {
                        problems.add(p.where() + ": an egress rule of " + app.name() + " without 'to' or ports admits everything");
                    }
                    for (JsonNode peer : rule.path("to")) {
                        if (peer.has("ipBlock")) {
                            problems.add(p.where() + ": " + app.name() + " may reach address block " + peer.path("ipBlock"));
                        }
                    }
                    for (JsonNode port : rule.path("ports")) {
                        int n = port.path("port").asInt();
                        boolean ok = isGateway
                                ? n == 53 || repo.apps().stream().anyMatch(a -> !a.name().equals("gateway") && a.httpPort() == n)
                                : SERVICE_EGRESS_PORTS.contains(n);
                        if (!ok) {
                            problems.add(p.where() + ": " + app.name() + " may reach port " + n + (isGateway
                                    ? " (the gateway talks only to the services and DNS)"
                                    : " (services talk only to PostgreSQL 5432, Kafka 9092 and DNS 53)"));
                        }
                    }
                }
            }
            if (!anyEgress) {
                problems.add(dir + ": " + app.name() + " has no egress rule at all (it could not resolve or reach anything)");
            }
        }
        assertThat(problems).isEmpty();
    }
}
