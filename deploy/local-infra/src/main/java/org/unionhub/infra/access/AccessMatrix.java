package org.unionhub.infra.access;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The access rule of every operation of a service, declared in one place and tried for real: each operation of the
 * service's OpenAPI document is called as each {@link Caller}, and the answer must match the declaration. An operation
 * in the document without a declaration fails the test, so no endpoint ships without its access rule. The declaration
 * is also the table in docs/security.md (checked, or rewritten with {@code UNIONHUB_WRITE_SECURITY_DOC=true}).
 *
 * <p>A caller is let through when the answer is anything but 401, 403, 404 or 405 and below 500; refused means 401
 * for the anonymous caller and 403 for the others (404 too where the operation is declared {@link Operation#hiddenAs404()}).
 * Refused callers are tried first, so that an allowed call that uses up its target cannot mask a refusal.
 */
public final class AccessMatrix {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final String service;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private CallerTokens tokens;
    private String openApiPath = "/q/openapi";
    private Predicate<String> include = key -> true;

    private AccessMatrix(String service) {
        this.service = service;
    }

    /** {@code service} names the section of docs/security.md, e.g. "venue". */
    public static AccessMatrix forService(String service) {
        return new AccessMatrix(service);
    }

    public AccessMatrix callers(CallerTokens tokens) {
        this.tokens = tokens;
        return this;
    }

    /** Where the OpenAPI document is served (default {@code /q/openapi}). */
    public AccessMatrix openApiPath(String path) {
        this.openApiPath = path;
        return this;
    }

    /** Only the operations whose key ("GET /api/v1/me") passes are this matrix's (the gateway's aggregated document). */
    public AccessMatrix include(Predicate<String> operationKey) {
        this.include = operationKey;
        return this;
    }

    /** Declares an operation, e.g. {@code op("POST /api/v1/venues/{id}/activities")}. */
    public Operation op(String methodAndPath) {
        String[] parts = methodAndPath.trim().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected \"METHOD /path\": " + methodAndPath);
        }
        Operation op = new Operation(parts[0].toUpperCase(Locale.ROOT), parts[1]);
        if (operations.putIfAbsent(op.key(), op) != null) {
            throw new IllegalArgumentException("declared twice: " + op.key());
        }
        return op;
    }

    /** Checks the declaration against the document, calls everything, compares docs/security.md; fails with every mismatch. */
    public void verify() {
        Objects.requireNonNull(tokens, "callers(...) not set");
        List<String> failures = new ArrayList<>();
        Set<String> documented = documentedOperations();
        for (String key : documented) {
            Operation op = operations.get(key);
            if (op == null || !op.declared) {
                failures.add(key + ": in the OpenAPI document but has no declared access rule");
            }
        }
        for (Operation op : operations.values()) {
            if (!documented.contains(op.key())) {
                failures.add(op.key() + ": declared but not in the OpenAPI document");
            } else if (op.declared) {
                failures.addAll(tryEveryCaller(op));
            }
        }
        failures.addAll(checkDocument());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " access-matrix mismatch(es) in " + service + ":\n  "
                    + String.join("\n  ", failures));
        }
    }

    private Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get(openApiPath)
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> keys = new TreeSet<>();
        paths.forEach((path, ops) -> ops.keySet().stream().filter(METHODS::contains)
                .map(m -> m.toUpperCase(Locale.ROOT) + " " + path).filter(include).forEach(keys::add));
        return keys;
    }

    private List<String> tryEveryCaller(Operation op) {
        List<String> failures = new ArrayList<>();
        List<Caller> order = new ArrayList<>(List.of(Caller.values()));
        order.sort(Comparator.comparing(op.allowed::contains)); // refused first
        for (Caller caller : order) {
            boolean allowed = op.allowed.contains(caller);
            Object before = !allowed && op.stateProbe != null ? op.stateProbe.get() : null;
            Response response;
            try {
                response = call(op, caller);
            } catch (RuntimeException e) {
                failures.add(op.key() + " as " + caller.label() + ": the call failed: " + e);
                continue;
            }
            int status = response.statusCode();
            if (allowed) {
                if (status == 401 || status == 403 || status == 404 || status == 405 || status >= 500) {
                    failures.add(op.key() + " as " + caller.label() + ": expected to be let through, got " + status
                            + " " + shorten(response.asString()));
                }
            } else {
                boolean refused = caller == Caller.ANONYMOUS ? status == 401
                        : status == 403 || (op.hiddenAs404 && status == 404);
                if (!refused) {
                    failures.add(op.key() + " as " + caller.label() + ": expected "
                            + (caller == Caller.ANONYMOUS ? "401" : op.hiddenAs404 ? "403 or 404" : "403") + ", got "
                            + status + " " + shorten(response.asString()));
                }
                if (op.stateProbe != null) {
                    Object after = op.stateProbe.get();
                    if (!Objects.equals(before, after)) {
                        failures.add(op.key() + " as " + caller.label() + ": refused, but the state changed from "
                                + before + " to " + after);
                    }
                }
            }
        }
        return failures;
    }

    private Response call(Operation op, Caller caller) {
        RequestSpecification request = given().redirects().follow(false);
        tokens.of(caller).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        op.headers.forEach(request::header);
        op.queryValues.forEach(request::queryParam);
        if (op.body != null) {
            request.contentType(op.contentType).body(op.body.apply(caller));
        }
        return request.request(op.method, expand(op, caller));
    }

    private static String expand(Operation op, Caller caller) {
        Matcher m = PLACEHOLDER.matcher(op.path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            var value = op.pathValues.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(op.key() + ": no value for path parameter {" + m.group(1) + "}");
            }
            // RestAssured encodes the path itself
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value.apply(caller))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shorten(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    // --- docs/security.md -----------------------------------------------------------------------------------------

    /** The table of this service's rules, as it stands in docs/security.md. */
    public String table() {
        StringBuilder sb = new StringBuilder("| operation | rule |");
        for (Caller c : Caller.values()) {
            sb.append(' ').append(c.label()).append(" |");
        }
        sb.append("\n| --- | --- |");
        for (Caller ignored : Caller.values()) {
            sb.append(" :-: |");
        }
        sb.append('\n');
        operations.values().stream()
                .sorted(Comparator.comparing((Operation o) -> o.path).thenComparing(o -> o.method))
                .forEach(op -> {
                    sb.append("| `").append(op.key()).append("` | ").append(op.rule.replace("|", "\\|")).append(" |");
                    for (Caller c : Caller.values()) {
                        sb.append(' ').append(op.allowed.contains(c) ? "yes" : op.hiddenAs404 && c != Caller.ANONYMOUS ? "no (404)" : "no").append(" |");
                    }
                    sb.append('\n');
                });
        return sb.toString();
    }

    private List<String> checkDocument() {
        Path doc = findSecurityDoc();
        if (doc == null) {
            return List.of("docs/security.md not found above " + Path.of("").toAbsolutePath());
        }
        String begin = "<!-- access-matrix:" + service + " -->";
        String end = "<!-- /access-matrix:" + service + " -->";
        try {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                return List.of(doc + " has no section " + begin + " … " + end);
            }
            String current = text.substring(from + begin.length(), to);
            String wanted = "\n" + table();
            if (current.equals(wanted)) {
                return List.of();
            }
            if ("true".equalsIgnoreCase(System.getenv("UNIONHUB_WRITE_SECURITY_DOC"))) {
                Files.writeString(doc, text.substring(0, from + begin.length()) + wanted + text.substring(to),
                        StandardCharsets.UTF_8);
                return List.of();
            }
            return List.of(doc + ": the " + service + " table differs from the declaration; regenerate it with"
                    + " UNIONHUB_WRITE_SECURITY_DOC=true (see the top of docs/security.md)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findSecurityDoc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("security.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
