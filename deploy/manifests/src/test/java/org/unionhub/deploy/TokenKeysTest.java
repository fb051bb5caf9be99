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

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.KubernetesTest.BASE;
import static org.unionhub.deploy.KubernetesTest.DEV;
import static org.unionhub.deploy.KubernetesTest.PROD;
import static org.unionhub.deploy.KubernetesTest.configValue;
import static org.unionhub.deploy.KubernetesTest.rendered;
import static org.unionhub.deploy.Manifests.ofKind;

/**
 * The development verification key (whose private half is in the repository) never verifies tokens
 * of a deployment: the apps refuse it in the prod profile (DevelopmentKeyGuard), so only the dev
 * overlay, which generates a secret holding it, may and must run another profile; prod and Compose
 * run prod and never carry the key. docs/security.md "Tokens".
 */
class TokenKeysTest {

    static final String DEV_PUBLIC_KEY = "platform-core/src/main/resources/dev-keys/unionhub-dev-public.pem";

    private final Repo repo = Repo.get();

    static String devKeyBody() {
        return Repo.read(Repo.get().path(DEV_PUBLIC_KEY)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    static boolean holdsDevKey(List<Resource> all) {
        String dev = devKeyBody();
        for (Resource s : ofKind(all, "Secret")) {
            for (JsonNode v : s.at("/data")) {
                // a rendered Secret's data is base64, as the API server stores it
                if (new String(java.util.Base64.getMimeDecoder().decode(v.asText()), java.nio.charset.StandardCharsets.UTF_8).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "").contains(dev)) {
                    return true;
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PROD})
    void deployments_run_the_prod_profile_and_carry_no_development_key(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        if (holdsDevKey(all)) {
            problems.add(dir + ": a Secret holds the development public key");
        }
        for (Repo.App app : repo.apps()) {
            Optional<Resource> dep = Manifests.find(all, "Deployment", app.name());
            if (dep.isEmpty()) {
                continue;
            }
            String profile = configValue(all, dep.get(), "QUARKUS_PROFILE");
            if (profile != null && !profile.equals("prod")) {
                problems.add(dep.get().where() + ": QUARKUS_PROFILE=" + profile + " would let the app start with the development key");
            }
            String location = configValue(all, dep.get(), "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            if (location == null || location.contains("dev-keys/")) {
                problems.add(dep.get().where() + ": MP_JWT_VERIFY_PUBLICKEY_LOCATION is " + location + ", not the issuer's key");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_dev_overlay_that_generates_the_development_key_runs_a_development_profile() {
        List<Resource> all = rendered(DEV);
        assertThat(holdsDevKey(all)).as(DEV + " generates unionhub-jwt from the development key").isTrue();
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Manifests.find(all, "Deployment", app.name()).ifPresent(dep -> {
                String profile = configValue(all, dep, "QUARKUS_PROFILE");
                if (profile == null || profile.equals("prod")) {
                    problems.add(dep.where() + ": runs the prod profile with the development key, so it would refuse to start");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void compose_runs_the_prod_profile() {
        JsonNode services = ComposeTest.load().path("services");
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Map<String, String> env = ComposeTest.environment(services.path(app.name()));
            if (env.containsKey("QUARKUS_PROFILE")) {
                problems.add(ComposeTest.FILE + " service " + app.name() + ": sets QUARKUS_PROFILE; Compose deployments run prod");
            }
        }
        assertThat(problems).isEmpty();
    }
}
