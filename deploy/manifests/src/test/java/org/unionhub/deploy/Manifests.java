package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads YAML manifests (several documents per file) and renders a kustomization with the real tool,
 * {@code kubectl kustomize}: the tests check what a cluster would receive, not what a copy of
 * kustomize's rules would produce. Where kubectl is absent the tests that need a rendering are
 * skipped (JUnit assumption) with a message saying so.
 */
final class Manifests {

    static final YAMLMapper YAML = new YAMLMapper();

    /** Rendering takes well under a second; the bound only keeps a hung tool from hanging the build. */
    private static final long RENDER_TIMEOUT_SECONDS = 60;

    private Manifests() {
    }

    /** A rendered object and where it came from (the kustomization rendered, or a file). */
    record Resource(String kind, String name, ObjectNode body, String source) {

        String where() {
            return source + " (" + kind + " " + name + ")";
        }

        JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(Repo.get().rel(file) + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && doc.size() > 0) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects {@code kubectl kustomize <dir>} prints; a kustomization the tool refuses fails the test with its message. */
    static List<Resource> render(Path kustomizationDir) {
        String source = "kubectl kustomize " + display(kustomizationDir);
        String yaml = kustomize(kustomizationDir);
        List<Resource> out = new ArrayList<>();
        try {
            for (JsonNode doc : documents(yaml)) {
                out.add(new Resource(doc.path("kind").asText(), doc.at("/metadata/name").asText(), (ObjectNode) doc, source));
            }
        } catch (IOException e) {
            throw new AssertionError(source + " printed YAML that does not parse: " + e.getMessage(), e);
        }
        return out;
    }

    /** The standard output of {@code kubectl kustomize dir}; an AssertionError carrying the tool's error when it fails. */
    static String kustomize(Path dir) {
        Path kubectl = kubectl().orElse(null);
        Assumptions.assumeTrue(kubectl != null,
                "kubectl is not on the PATH: the Kubernetes manifests are rendered with `kubectl kustomize` (kustomize v5), "
                        + "so the checks of rendered overlays are skipped on this machine");
        try {
            File stdout = File.createTempFile("kustomize-", ".yaml");
            File stderr = File.createTempFile("kustomize-", ".err");
            try {
                Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toAbsolutePath().toString())
                        .redirectOutput(stdout).redirectError(stderr).start();
                if (!p.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + display(dir) + " did not finish in " + RENDER_TIMEOUT_SECONDS + " s");
                }
                String err = Files.readString(stderr.toPath(), StandardCharsets.UTF_8).strip();
                if (p.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + display(dir) + " failed (exit " + p.exitValue() + "): " + err);
                }
                return Files.readString(stdout.toPath(), StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(stdout.toPath());
                Files.deleteIfExists(stderr.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + display(dir), e);
        }
    }

    static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A directory of the repository relative to its root; any other (a test's temporary one) as it is. */
    private static String display(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path root = Repo.get().root.toAbsolutePath().normalize();
        return abs.startsWith(root) ? Repo.get().rel(abs) : abs.toString();
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    static Optional<Resource> find(List<Resource> resources, String kind, String name) {
        return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst();
    }

    static List<Resource> ofKind(List<Resource> resources, String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    static List<JsonNode> containers(Resource r) {
        List<JsonNode> cs = new ArrayList<>();
        r.body().at("/spec/template/spec/containers").forEach(cs::add);
        r.body().at("/spec/template/spec/initContainers").forEach(cs::add);
        return cs;
    }

    /** "registry/x/app:1.0" -> "registry/x/app" (a port in the registry host is kept). */
    static String imageName(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(0, colon) : image;
    }
}
