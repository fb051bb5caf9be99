package org.unionhub.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/docker/Dockerfile.jvm and deploy/build-images.sh against the app modules. */
class ImagesTest {

    private final Repo repo = Repo.get();

    @Test
    void build_images_sh_builds_every_app_and_nothing_else() {
        Set<String> apps = new TreeSet<>();
        repo.apps().forEach(a -> apps.add(a.name()));
        Set<String> built = new TreeSet<>(Build.apps());
        assertThat(built).as(Build.SCRIPT + " APPS=(...) must list exactly the app modules " + apps).isEqualTo(apps);
    }

    @Test
    void build_images_sh_packages_first_and_fails_clearly_without_an_engine() {
        String script = Build.script();
        List<String> problems = new ArrayList<>();
        if (!script.contains("./mvnw") || !script.contains("package -DskipTests")) {
            problems.add(Build.SCRIPT + ": does not run ./mvnw ... package -DskipTests");
        }
        if (!script.contains("docker") || !script.contains("podman") || !script.contains("info")) {
            problems.add(Build.SCRIPT + ": does not look for docker or podman (\"<engine> info\")");
        }
        if (!script.contains("no container engine")) {
            problems.add(Build.SCRIPT + ": no clear message when no container engine answers");
        }
        if (!script.contains("set -euo pipefail")) {
            problems.add(Build.SCRIPT + ": does not stop at the first failure (set -euo pipefail)");
        }
        if (!script.contains(Build.DOCKERFILE.substring("deploy/".length()))) {
            problems.add(Build.SCRIPT + ": does not build with " + Build.DOCKERFILE);
        }
        if (!script.contains("quarkus\\.http\\.port") || !script.contains("APP_PORT")) {
            problems.add(Build.SCRIPT + ": does not pass each app's quarkus.http.port as APP_PORT");
        }
        if (!Files.isExecutable(repo.path(Build.SCRIPT))) {
            problems.add(Build.SCRIPT + ": is not executable");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_image_is_a_small_jre_17_running_the_fast_jar_as_non_root_with_a_health_check() {
        String df = Build.dockerfile();
        List<String> problems = new ArrayList<>();
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(df);
        if (!from.find() || !from.group(1).matches("eclipse-temurin:17[.\\w-]*-jre.*|eclipse-temurin:17-jre.*|registry\\.access\\.redhat\\.com/ubi\\d/openjdk-17-runtime.*")) {
            problems.add(Build.DOCKERFILE + ": base image " + (from.hitEnd() ? "?" : from.group(1)) + " is not a JRE 17 runtime");
        }
        for (String layer : List.of("lib/", "app/", "quarkus/", "*.jar")) {
            if (!Pattern.compile("(?m)^COPY\\s.*\\s" + Pattern.quote(layer) + "\\s").matcher(df).find()) {
                problems.add(Build.DOCKERFILE + ": does not copy the fast-jar part " + layer + " of target/quarkus-app");
            }
        }
        if (!df.contains("quarkus-run.jar")) {
            problems.add(Build.DOCKERFILE + ": does not run quarkus-run.jar");
        }
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(df);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        if (last == null || last.equals("root") || last.startsWith("0")) {
            problems.add(Build.DOCKERFILE + ": runs as " + (last == null ? "root (no USER)" : last));
        } else if (!last.matches("\\d+(:\\d+)?")) {
            problems.add(Build.DOCKERFILE + ": USER " + last + " is not numeric (Kubernetes cannot verify runAsNonRoot)");
        }
        Matcher health = Pattern.compile("(?ms)^HEALTHCHECK.*?/q/health/live").matcher(df);
        if (!health.find()) {
            problems.add(Build.DOCKERFILE + ": no HEALTHCHECK on /q/health/live");
        }
        if (!df.contains("exec java")) {
            problems.add(Build.DOCKERFILE + ": java is not exec'd (it would not receive SIGTERM for a graceful shutdown)");
        }
        if (!df.contains("MaxRAMPercentage")) {
            problems.add(Build.DOCKERFILE + ": the heap is not sized from the container's memory limit");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_kubernetes_run_as_user_is_the_image_user() {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)").matcher(Build.dockerfile());
        assertThat(user.find()).as(Build.DOCKERFILE + " has a numeric USER").isTrue();
        List<String> problems = new ArrayList<>();
        for (Manifests.Resource dep : Manifests.ofKind(KubernetesTest.rendered(KubernetesTest.BASE), "Deployment")) {
            String runAs = dep.at("/spec/template/spec/securityContext/runAsUser").asText();
            if (!runAs.equals(user.group(1))) {
                problems.add(dep.where() + ": runAsUser " + runAs + " but the image's USER is " + user.group(1));
            }
        }
        assertThat(problems).isEmpty();
    }
}
