package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.deploy.Manifests.Resource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.KubernetesTest.BASE;
import static org.unionhub.deploy.KubernetesTest.DEV;
import static org.unionhub.deploy.KubernetesTest.PROD;
import static org.unionhub.deploy.KubernetesTest.rendered;
import static org.unionhub.deploy.Manifests.ofKind;

/**
 * What the Ingress lets in from the internet: the API and its documents, never the gateway's
 * {@code /q/*} (metrics name routes and counts; health details are for the kubelet). Paths are
 * matched as Kubernetes does: Exact equal, Prefix by whole path elements (ImplementationSpecific
 * is treated as Prefix, which is what ingress-nginx does).
 */
class IngressTest {

    static final List<String> MUST_REACH = List.of("/api/v1/venues", "/api/v1/me", "/openapi", "/asyncapi", "/swagger-ui/");
    static final List<String> MUST_NOT_REACH = List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi",
            "/q/swagger-ui", "/q/dev-ui", "/q");

    static boolean matches(String type, String rulePath, String path) {
        if (type.equals("Exact")) {
            return rulePath.equals(path);
        }
        String prefix = rulePath.endsWith("/") ? rulePath.substring(0, rulePath.length() - 1) : rulePath;
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    static boolean routed(List<Resource> all, String path) {
        for (Resource ing : ofKind(all, "Ingress")) {
            if (ing.at("/spec/defaultBackend").isObject()) {
                return true;
            }
            for (JsonNode rule : ing.at("/spec/rules")) {
                for (JsonNode p : rule.at("/http/paths")) {
                    if (matches(p.path("pathType").asText("ImplementationSpecific"), p.path("path").asText("/"), path)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void the_ingress_routes_the_api_but_not_the_gateways_q_paths(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (String path : MUST_NOT_REACH) {
            if (routed(all, path)) {
                problems.add(dir + ": the Ingress routes " + path + " to the gateway; /q/* must stay inside the cluster");
            }
        }
        for (String path : MUST_REACH) {
            if (!routed(all, path)) {
                problems.add(dir + ": the Ingress does not route " + path);
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Behind the Ingress every call comes from the controller's pod: the gateway must know it as a
     * trusted proxy to tell clients apart, and must not let Quarkus believe X-Forwarded-For from anyone.
     */
    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void the_gateway_believes_x_forwarded_for_only_from_trusted_proxies(String dir) {
        List<Resource> all = rendered(dir);
        Resource gateway = Manifests.find(all, "Deployment", "gateway").orElseThrow();
        List<String> problems = new ArrayList<>();
        if (KubernetesTest.configValue(all, gateway, "GATEWAY_TRUSTED_PROXIES") == null) {
            problems.add(dir + ": the gateway has no GATEWAY_TRUSTED_PROXIES, so every anonymous caller shares the Ingress's bucket");
        }
        if ("true".equalsIgnoreCase(KubernetesTest.configValue(all, gateway, "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"))) {
            problems.add(dir + ": QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true believes X-Forwarded-For from any client");
        }
        assertThat(problems).isEmpty();
    }
}
