package org.unionhub.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What deploy/build-images.sh and deploy/docker/Dockerfile.jvm build. */
final class Build {

    static final String SCRIPT = "deploy/build-images.sh";
    static final String DOCKERFILE = "deploy/docker/Dockerfile.jvm";

    private Build() {
    }

    static String script() {
        Path p = Repo.get().path(SCRIPT);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError(SCRIPT + " is missing");
        }
        return Repo.read(p);
    }

    static String dockerfile() {
        Path p = Repo.get().path(DOCKERFILE);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError(DOCKERFILE + " is missing");
        }
        return Repo.read(p);
    }

    /** The APPS=(...) array of the script. */
    static List<String> apps() {
        Matcher m = Pattern.compile("(?m)^APPS=\\(([^)]*)\\)").matcher(script());
        if (!m.find()) {
            throw new AssertionError(SCRIPT + " has no APPS=(...) list");
        }
        return Arrays.stream(m.group(1).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Default image name prefix: REGISTRY="${UNIONHUB_REGISTRY:-unionhub}". */
    static String defaultRegistry() {
        Matcher m = Pattern.compile("\\$\\{UNIONHUB_REGISTRY:-([^}]+)}").matcher(script());
        if (!m.find()) {
            throw new AssertionError(SCRIPT + " has no default for UNIONHUB_REGISTRY");
        }
        return m.group(1);
    }

    /** Image names (without tag) the script builds by default. */
    static Set<String> imageNames() {
        Set<String> names = new LinkedHashSet<>();
        apps().forEach(a -> names.add(defaultRegistry() + "/" + a));
        return names;
    }

    /** Environment variables the image's entrypoint reads itself (not Quarkus configuration). */
    static Set<String> imageVariables() {
        Set<String> vars = new LinkedHashSet<>();
        Matcher entry = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(dockerfile());
        if (entry.find()) {
            Matcher v = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)").matcher(entry.group(1));
            while (v.find()) {
                vars.add(v.group(1));
            }
        }
        return vars;
    }
}
