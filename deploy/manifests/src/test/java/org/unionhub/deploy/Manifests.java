package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads YAML manifests (several documents per file) and renders a kustomization the way kustomize
 * does for the features UnionHub uses: resources, namespace, replicas, images, secret/configMap
 * generators, and strategic-merge patches addressed by kind and name. A patch that names a resource
 * the base does not define is an error, as it is in kustomize.
 */
final class Manifests {

    static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** A rendered object and the files it came from (base file, then each patch applied). */
    record Resource(String kind, String name, ObjectNode body, List<String> files) {

        String where() {
            return String.join(" + ", files) + " (" + kind + " " + name + ")";
        }

        JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    static List<JsonNode> documents(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && doc.size() > 0) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(Repo.get().rel(file) + " is not valid YAML: " + e.getMessage(), e);
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

    static List<Resource> render(Path kustomizationDir) {
        Repo repo = Repo.get();
        Path kfile = kustomizationDir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(kfile)) {
            throw new AssertionError("no kustomization.yaml in " + repo.rel(kustomizationDir));
        }
        String kname = repo.rel(kfile);
        JsonNode k = documents(kfile).get(0);
        List<Resource> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = kustomizationDir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(render(p));
            } else if (Files.isRegularFile(p)) {
                for (JsonNode doc : documents(p)) {
                    out.add(new Resource(doc.path("kind").asText(), doc.path("metadata").path("name").asText(),
                            (ObjectNode) doc, new ArrayList<>(List.of(repo.rel(p)))));
                }
            } else {
                throw new AssertionError(kname + " lists resource " + r.asText() + ", which does not exist");
            }
        }
        generate(kustomizationDir, kname, k, "secretGenerator", "Secret", out);
        generate(kustomizationDir, kname, k, "configMapGenerator", "ConfigMap", out);
        for (JsonNode patch : k.path("patches")) {
            if (!patch.has("path")) {
                throw new AssertionError(kname + ": only file patches (path:) are understood by this check, found " + patch);
            }
            Path p = kustomizationDir.resolve(patch.path("path").asText());
            if (!Files.isRegularFile(p)) {
                throw new AssertionError(kname + " lists patch " + patch.path("path").asText() + ", which does not exist");
            }
            for (JsonNode doc : documents(p)) {
                String kind = doc.path("kind").asText();
                String name = doc.path("metadata").path("name").asText();
                Resource target = find(out, kind, name).orElseThrow(() -> new AssertionError(
                        repo.rel(p) + " patches " + kind + " " + name + ", which " + kname + " does not define"));
                if ("delete".equals(doc.path("$patch").asText())) {
                    out.remove(target);
                } else {
                    merge(target.body(), (ObjectNode) doc);
                    target.files().add(repo.rel(p));
                }
            }
        }
        for (JsonNode rep : k.path("replicas")) {
            Resource target = find(out, "Deployment", rep.path("name").asText()).orElseThrow(() -> new AssertionError(
                    kname + " sets replicas of Deployment " + rep.path("name").asText() + ", which does not exist"));
            target.body().withObject("/spec").put("replicas", rep.path("count").asInt());
            target.files().add(kname);
        }
        for (JsonNode image : k.path("images")) {
            String from = image.path("name").asText();
            boolean used = false;
            for (Resource r : out) {
                for (JsonNode c : containers(r)) {
                    String current = c.path("image").asText();
                    if (imageName(current).equals(from)) {
                        String name = image.has("newName") ? image.path("newName").asText() : from;
                        String tag = image.has("newTag") ? image.path("newTag").asText() : imageTag(current);
                        ((ObjectNode) c).put("image", name + (tag.isEmpty() ? "" : ":" + tag));
                        used = true;
                    }
                }
            }
            if (!used) {
                throw new AssertionError(kname + " renames image " + from + ", which no container uses");
            }
        }
        if (k.has("namespace")) {
            for (Resource r : out) {
                r.body().withObject("/metadata").put("namespace", k.path("namespace").asText());
            }
        }
        return out;
    }

    private static void generate(Path dir, String kname, JsonNode k, String field, String kind, List<Resource> out) {
        for (JsonNode gen : k.path(field)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("apiVersion", "v1").put("kind", kind);
            body.putObject("metadata").put("name", gen.path("name").asText());
            if (gen.has("type")) {
                body.put("type", gen.path("type").asText());
            }
            ObjectNode data = body.putObject("data");
            for (JsonNode lit : gen.path("literals")) {
                String[] kv = lit.asText().split("=", 2);
                data.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            for (JsonNode f : gen.path("files")) {
                String[] kv = f.asText().split("=", 2);
                String file = kv.length > 1 ? kv[1] : kv[0];
                Path p = dir.resolve(file);
                if (!Files.isRegularFile(p)) {
                    throw new AssertionError(kname + ": " + field + " " + gen.path("name").asText() + " reads " + file
                            + ", which does not exist");
                }
                data.put(kv.length > 1 ? kv[0] : p.getFileName().toString(), Repo.read(p));
            }
            out.add(new Resource(kind, gen.path("name").asText(), body, new ArrayList<>(List.of(kname))));
        }
    }

    /** Strategic merge as far as UnionHub's patches need it: lists of named objects merge by name. */
    static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = f.getValue();
            JsonNode existing = target.get(f.getKey());
            if (value.isNull()) {
                target.remove(f.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isArray() && existing != null && existing.isArray() && namedList(value) && namedList(existing)) {
                for (JsonNode item : value) {
                    Optional<JsonNode> same = stream(existing).filter(e -> e.path("name").equals(item.path("name"))).findFirst();
                    if (same.isPresent()) {
                        merge((ObjectNode) same.get(), (ObjectNode) item);
                    } else {
                        ((ArrayNode) existing).add(item.deepCopy());
                    }
                }
            } else {
                target.set(f.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean namedList(JsonNode list) {
        return list.size() > 0 && stream(list).allMatch(e -> e.isObject() && e.has("name"));
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

    static String imageTag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "";
    }
}
