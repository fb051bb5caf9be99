package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.deploy.Manifests.Resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.Manifests.find;
import static org.unionhub.deploy.Manifests.ofKind;

/** deploy/k8s (base and every overlay, rendered) against the code and the image build. */
class KubernetesTest {

    static final String BASE = "deploy/k8s/base";
    static final String DEV = "deploy/k8s/overlays/dev";
    static final String PROD = "deploy/k8s/overlays/prod";

    private final Repo repo = Repo.get();

    private static final Map<String, List<Resource>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Rendered once per run; tests only read the result. */
    static List<Resource> rendered(String dir) {
        return RENDERED.computeIfAbsent(dir, d -> Manifests.render(Repo.get().path(d)));
    }

    @Test
    void every_yaml_file_under_deploy_k8s_parses_and_names_its_kind() {
        List<String> problems = new ArrayList<>();
        for (Path f : Manifests.yamlFiles(repo.path("deploy/k8s"))) {
            for (JsonNode doc : Manifests.documents(f)) {
                if (f.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                if (doc.path("apiVersion").asText().isEmpty() || doc.path("kind").asText().isEmpty()
                        || doc.at("/metadata/name").asText().isEmpty()) {
                    problems.add(repo.rel(f) + ": a document without apiVersion, kind or metadata.name");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void every_app_has_a_deployment_service_configmap_autoscaler_and_disruption_budget(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                if (find(all, kind, app.name()).isEmpty()) {
                    problems.add(dir + ": no " + kind + " named " + app.name() + " (app module " + app.dir() + ")");
                }
            }
            if (find(all, "ConfigMap", app.name() + "-config").isEmpty()) {
                problems.add(dir + ": no ConfigMap " + app.name() + "-config");
            }
        }
        Set<String> apps = new TreeSet<>();
        repo.apps().forEach(a -> apps.add(a.name()));
        for (Resource d : ofKind(all, "Deployment")) {
            if (!apps.contains(d.name())) {
                problems.add(d.where() + ": no app module of that name");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void ports_and_probes_match_the_apps(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            int port = app.httpPort();
            Optional<Resource> dep = find(all, "Deployment", app.name());
            if (dep.isEmpty()) {
                continue;
            }
            for (JsonNode c : dep.get().at("/spec/template/spec/containers")) {
                problems.addAll(Checks.containerPortsAndProbes(dep.get(), c, port, app));
            }
            String configured = configValue(all, dep.get(), "QUARKUS_HTTP_PORT");
            if (configured != null && !configured.equals(String.valueOf(port))) {
                problems.add(dep.get().where() + ": QUARKUS_HTTP_PORT " + configured + " but the container port and "
                        + app.propertiesFile() + " say " + port);
            }
            find(all, "Service", app.name()).ifPresent(svc -> {
                for (JsonNode p : svc.at("/spec/ports")) {
                    if (p.path("port").asInt() != port) {
                        problems.add(svc.where() + ": port " + p.path("port").asInt() + " but quarkus.http.port is "
                                + port + " in " + app.propertiesFile());
                    }
                    JsonNode target = p.path("targetPort");
                    boolean ok = target.isInt() ? target.asInt() == port
                            : Manifests.stream(dep.get().at("/spec/template/spec/containers/0/ports"))
                            .anyMatch(cp -> cp.path("name").asText().equals(target.asText()) && cp.path("containerPort").asInt() == port);
                    if (!ok) {
                        problems.add(svc.where() + ": targetPort " + target + " does not reach container port " + port);
                    }
                }
                if (!svc.at("/spec/selector/app.kubernetes.io~1name").asText().equals(app.name())) {
                    problems.add(svc.where() + ": selector does not select app.kubernetes.io/name=" + app.name());
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void every_environment_variable_maps_to_a_key_the_app_reads(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            find(all, "Deployment", app.name()).ifPresent(dep -> {
                for (JsonNode c : dep.at("/spec/template/spec/containers")) {
                    for (Map.Entry<String, String> v : environment(all, dep, c, problems).entrySet()) {
                        ConfigKeys.check(app, v.getKey(), Build.imageVariables())
                                .ifPresent(why -> problems.add(v.getValue() + ": " + why));
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void graceful_shutdown_fits_in_the_termination_grace_period(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Resource dep : ofKind(all, "Deployment")) {
            int grace = dep.at("/spec/template/spec/terminationGracePeriodSeconds").asInt(30);
            JsonNode c = dep.at("/spec/template/spec/containers/0");
            JsonNode sleep = c.at("/lifecycle/preStop/exec/command");
            int preStop = sleep.size() == 2 && sleep.get(0).asText().equals("sleep") ? sleep.get(1).asInt() : -1;
            if (preStop < 0) {
                problems.add(dep.where() + ": no preStop sleep (the pod would stop before endpoints drop it)");
            }
            String shutdown = environment(all, dep, c, new ArrayList<>()).keySet().contains("QUARKUS_SHUTDOWN_TIMEOUT")
                    ? configValue(all, dep, "QUARKUS_SHUTDOWN_TIMEOUT") : null;
            if (shutdown == null) {
                problems.add(dep.where() + ": QUARKUS_SHUTDOWN_TIMEOUT not set (in-flight requests would be cut)");
            } else if (preStop + seconds(shutdown) >= grace) {
                problems.add(dep.where() + ": preStop " + preStop + "s + shutdown " + shutdown
                        + " do not fit in terminationGracePeriodSeconds " + grace);
            }
            if (dep.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1) != 0) {
                problems.add(dep.where() + ": rollingUpdate.maxUnavailable must be 0 (no capacity dip during a rollout)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void pods_run_as_non_root_with_requests_and_limits(String dir) {
        List<String> problems = new ArrayList<>();
        for (Resource dep : ofKind(rendered(dir), "Deployment")) {
            if (!dep.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()) {
                problems.add(dep.where() + ": securityContext.runAsNonRoot is not true");
            }
            for (JsonNode c : dep.at("/spec/template/spec/containers")) {
                for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
                    if (c.at(r).isMissingNode()) {
                        problems.add(dep.where() + ": container " + c.path("name").asText() + " has no " + r.substring(1));
                    }
                }
                if (c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(dep.where() + ": container may escalate privileges");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void autoscalers_and_disruption_budgets_target_their_deployments(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Resource hpa : ofKind(all, "HorizontalPodAutoscaler")) {
            String target = hpa.at("/spec/scaleTargetRef/name").asText();
            if (!hpa.at("/spec/scaleTargetRef/kind").asText().equals("Deployment") || find(all, "Deployment", target).isEmpty()) {
                problems.add(hpa.where() + ": scaleTargetRef " + target + " is not a Deployment here");
            }
            if (hpa.at("/spec/maxReplicas").asInt() < hpa.at("/spec/minReplicas").asInt(1)) {
                problems.add(hpa.where() + ": maxReplicas below minReplicas");
            }
        }
        for (Resource pdb : ofKind(all, "PodDisruptionBudget")) {
            String selected = pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText();
            if (find(all, "Deployment", selected).isEmpty()) {
                problems.add(pdb.where() + ": selects app.kubernetes.io/name=" + selected + ", which no Deployment carries");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void prod_runs_at_least_two_replicas_of_every_app() {
        List<Resource> all = rendered(PROD);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            find(all, "Deployment", app.name()).ifPresent(d -> {
                if (d.at("/spec/replicas").asInt(1) < 2) {
                    problems.add(d.where() + ": replicas " + d.at("/spec/replicas").asInt(1) + " < 2 in prod");
                }
            });
            find(all, "HorizontalPodAutoscaler", app.name()).ifPresent(h -> {
                if (h.at("/spec/minReplicas").asInt(1) < 2) {
                    problems.add(h.where() + ": minReplicas " + h.at("/spec/minReplicas").asInt(1) + " < 2 in prod");
                }
            });
            find(all, "PodDisruptionBudget", app.name()).ifPresent(p -> {
                boolean keepsOne = p.at("/spec/maxUnavailable").asInt(99) == 1 || p.at("/spec/minAvailable").asInt(0) >= 1;
                if (!keepsOne) {
                    problems.add(p.where() + ": neither maxUnavailable 1 nor minAvailable >= 1");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void images_are_the_ones_build_images_sh_builds(String dir) {
        Set<String> built = Build.imageNames();
        Map<String, String> renamed = new LinkedHashMap<>();
        Path k = repo.path(dir).resolve("kustomization.yaml");
        List<String> problems = new ArrayList<>();
        for (JsonNode image : Manifests.documents(k).get(0).path("images")) {
            if (!built.contains(image.path("name").asText())) {
                problems.add(repo.rel(k) + ": renames image " + image.path("name").asText() + ", which "
                        + Build.SCRIPT + " does not build (it builds " + built + ")");
            }
            renamed.put(image.path("newName").asText(image.path("name").asText()), image.path("name").asText());
        }
        // kustomize ignores an images: entry that matches no container; a rename that changes nothing is a mistake here
        Set<String> running = new TreeSet<>();
        ofKind(rendered(dir), "Deployment").forEach(dep -> Manifests.containers(dep).forEach(c -> running.add(c.path("image").asText())));
        for (JsonNode image : Manifests.documents(k).get(0).path("images")) {
            String expected = image.path("newName").asText(image.path("name").asText())
                    + (image.has("newTag") ? ":" + image.path("newTag").asText() : "");
            if (running.stream().noneMatch(i -> i.equals(expected) || (!image.has("newTag") && Manifests.imageName(i).equals(expected)))) {
                problems.add(repo.rel(k) + ": renames image " + image.path("name").asText() + " to " + expected
                        + ", which no container runs after rendering");
            }
        }
        for (Resource dep : ofKind(rendered(dir), "Deployment")) {
            for (JsonNode c : Manifests.containers(dep)) {
                String name = Manifests.imageName(c.path("image").asText());
                String original = renamed.getOrDefault(name, name);
                if (!built.contains(original)) {
                    problems.add(dep.where() + ": image " + c.path("image").asText() + " is not built by "
                            + Build.SCRIPT + " (it builds " + built + ")");
                } else if (!original.endsWith("/" + dep.name())) {
                    problems.add(dep.where() + ": runs the image of another app: " + c.path("image").asText());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void referenced_config_maps_exist_and_secrets_are_named_consistently(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Resource dep : ofKind(all, "Deployment")) {
            for (JsonNode c : dep.at("/spec/template/spec/containers")) {
                for (JsonNode from : c.path("envFrom")) {
                    String cm = from.at("/configMapRef/name").asText(null);
                    if (cm != null && find(all, "ConfigMap", cm).isEmpty()) {
                        problems.add(dep.where() + ": envFrom ConfigMap " + cm + " is not defined");
                    }
                    if (from.has("secretRef")) {
                        problems.add(dep.where() + ": envFrom secretRef hides which variables are set; use env with secretKeyRef");
                    }
                }
            }
        }
        if (dir.equals(DEV)) {
            // the development overlay generates every secret it references: nothing to create by hand
            for (Resource dep : ofKind(all, "Deployment")) {
                for (JsonNode c : dep.at("/spec/template/spec/containers")) {
                    for (JsonNode e : c.path("env")) {
                        String secret = e.at("/valueFrom/secretKeyRef/name").asText(null);
                        boolean kafkaUser = find(all, "KafkaUser", secret == null ? "" : secret).isPresent();
                        if (secret != null && !kafkaUser && find(all, "Secret", secret).isEmpty()) {
                            problems.add(dep.where() + ": secret " + secret + " is neither generated by " + DEV
                                    + " nor written by the Strimzi user operator for a KafkaUser");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void secrets_and_development_defaults_of_the_code_are_overridden_from_secrets(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Optional<Resource> dep = find(all, "Deployment", app.name());
            if (dep.isEmpty()) {
                continue;
            }
            JsonNode c = dep.get().at("/spec/template/spec/containers/0");
            Map<String, String> vars = environment(all, dep.get(), c, problems);
            for (String key : Secrets.sensitiveKeys(app)) {
                String variable = ConfigKeys.envName(key);
                boolean fromSecret = Manifests.stream(c.path("env")).anyMatch(e -> e.path("name").asText().equals(variable)
                        && e.at("/valueFrom/secretKeyRef/name").isTextual());
                if (!fromSecret) {
                    problems.add(dep.get().where() + ": " + variable + " (" + key + " in " + app.propertiesFile()
                            + ") must come from a Secret; the committed value is for development only");
                }
            }
            for (String key : Secrets.developmentDefaults(app)) {
                if (!vars.containsKey(ConfigKeys.envName(key))) {
                    problems.add(dep.get().where() + ": does not override " + key + ", whose default is a development value");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_development_public_key_is_the_one_the_platform_ships() {
        Path devKey = repo.path(DEV).resolve("unionhub-dev-public.pem");
        Path platformKey = repo.path("platform-core/src/main/resources/dev-keys/unionhub-dev-public.pem");
        assertThat(Files.isRegularFile(devKey)).as(repo.rel(devKey) + " exists").isTrue();
        assertThat(Repo.read(devKey).strip())
                .as(repo.rel(devKey) + " must equal " + repo.rel(platformKey) + " (dev tokens are signed with its pair)")
                .isEqualTo(Repo.read(platformKey).strip());
    }

    /** Name -> "where it is set" for every variable of a container (env and envFrom ConfigMaps). */
    static Map<String, String> environment(List<Resource> all, Resource dep, JsonNode container, List<String> problems) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            vars.put(e.path("name").asText(), dep.where() + " env");
        }
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.at("/configMapRef/name").asText(null);
            if (cm == null) {
                continue;
            }
            Optional<Resource> map = find(all, "ConfigMap", cm);
            if (map.isEmpty()) {
                problems.add(dep.where() + ": envFrom ConfigMap " + cm + " is not defined");
                continue;
            }
            map.get().at("/data").fieldNames().forEachRemaining(n -> vars.put(n, map.get().where()));
        }
        return vars;
    }

    static String configValue(List<Resource> all, Resource dep, String variable) {
        JsonNode c = dep.at("/spec/template/spec/containers/0");
        for (JsonNode e : c.path("env")) {
            if (e.path("name").asText().equals(variable) && e.has("value")) {
                return e.path("value").asText();
            }
        }
        for (JsonNode from : c.path("envFrom")) {
            Optional<Resource> map = find(all, "ConfigMap", from.at("/configMapRef/name").asText(""));
            if (map.isPresent() && map.get().at("/data").has(variable)) {
                return map.get().at("/data").path(variable).asText();
            }
        }
        return null;
    }

    static int seconds(String duration) {
        String d = duration.trim().toLowerCase();
        if (d.endsWith("ms")) {
            return (int) Math.ceil(Integer.parseInt(d.substring(0, d.length() - 2)) / 1000.0);
        }
        if (d.endsWith("s")) {
            return Integer.parseInt(d.substring(0, d.length() - 1));
        }
        if (d.endsWith("m")) {
            return 60 * Integer.parseInt(d.substring(0, d.length() - 1));
        }
        if (d.startsWith("pt")) {
            return (int) java.time.Duration.parse(d.toUpperCase()).toSeconds();
        }
        return Integer.parseInt(d);
    }
}
