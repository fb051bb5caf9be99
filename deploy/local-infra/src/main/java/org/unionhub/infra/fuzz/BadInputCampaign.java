package org.unionhub.infra.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.unionhub.infra.DevTokens;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated bad input for every operation of a service (issue 16): reads the service's OpenAPI document and, for each
 * operation, derives mutated requests from its valid shape — each field of the body replaced by a wrong type, a null,
 * an extreme number, an empty, 20,001-character or control-character string, a lone surrogate; whole bodies that are
 * not JSON, arrays instead of objects, 10,000 levels of nesting, invalid UTF-8, the wrong or no content type, nothing
 * at all; path parameters that are no UUID, huge numbers, {@code %00}, {@code ..%2f}; query parameters of the wrong
 * type, out-of-range years and dates, repeated, huge. Each case is sent with a token that may call the operation.
 *
 * <p>Deterministic: the cases of an operation are shuffled with a fixed seed and taken round-robin across the
 * operations until the budget is spent, so a run is repeatable and a failure can be replayed. Every answer must be
 * below 500; every 4xx must be {@code application/problem+json} whose {@code status} is the answer's, without a stack
 * trace; and a 4xx must have written nothing (the service's row counts, probed before and after each case, unchanged).
 * A run fails with one line per violation: operation, mutation, status, body excerpt.
 */
public final class BadInputCampaign {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\tat |\\.java:\\d+|org\\.hibernate|io\\.vertx|java\\.lang");

    private final String service;
    private URI baseUri;
    private String openApiPath = "/q/openapi";
    private long seed = 20_160_516L;
    private int cases = 2_500;
    /** A bound against a hanging service, not a performance figure: a busy build machine is several times slower. */
    private Duration timeLimit = Duration.ofSeconds(Long.getLong("unionhub.bad-input.time-limit-seconds", 600));
    /** The dead-letter replay reads its topic for seconds per call by design: too slow to try thousands of times. */
    private Predicate<String> include = key -> !key.contains("/internal/dead-letters/");
    private Function<String, String> token;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> queryValues = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, String> extraOperations = new LinkedHashMap<>();
    private Supplier<? extends Map<String, Long>> rowCounts;
    private Runnable afterAccepted = () -> { };
    /** The gateway forwards bodies byte for byte: their encoding is the service's to refuse (platform Utf8BodyCheck). */
    private boolean forwardsBodies;

    private BadInputCampaign(String service) {
        this.service = service;
    }

    public static BadInputCampaign forService(String service) {
        return new BadInputCampaign(service);
    }

    /** Where the app listens, e.g. {@code http://localhost:8081}. */
    public BadInputCampaign baseUri(URI baseUri) {
        this.baseUri = baseUri;
        return this;
    }

    /** Where the OpenAPI document is served (default {@code /q/openapi}); null reads none. */
    public BadInputCampaign openApiPath(String path) {
        this.openApiPath = path;
        return this;
    }

    /** Number of cases of the run (default 2,500, spread evenly over the operations). */
    public BadInputCampaign cases(int cases) {
        this.cases = cases;
        return this;
    }

    public BadInputCampaign seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The run fails if its cases are not all sent within this time (default 600 s, {@code -Dunionhub.bad-input.time-limit-seconds}). */
    /** For a proxy: invalid encodings are still sent, and must never give a 5xx, but refusing them is the upstream's job. */
    public BadInputCampaign forwardsBodies() {
        this.forwardsBodies = true;
        return this;
    }

    public BadInputCampaign timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /** Only the operations whose key ("POST /api/v1/members") passes (the dead-letter replay is always left out). */
    public BadInputCampaign include(Predicate<String> operationKey) {
        this.include = this.include.and(operationKey);
        return this;
    }

    /** The bearer token to call each operation with (by key); null sends none. Default: an admin token. */
    public BadInputCampaign token(Function<String, String> byOperation) {
        this.token = byOperation;
        return this;
    }

    /** A valid value for the path parameter {@code name} in every operation (else a fixed UUID no record has). */
    public BadInputCampaign pathValue(String name, Object value) {
        return pathValue("", name, value);
    }

    /** A valid value for {@code name} in the operations whose path starts with {@code pathPrefix} (longest wins). */
    public BadInputCampaign pathValue(String pathPrefix, String name, Object value) {
        pathValues.put(pathPrefix + " " + name, String.valueOf(value));
        return this;
    }

    /**
     * Run after every 202 (work accepted for later): wait here until that work is done, so that rows it writes in the
     * background are not taken for rows written by a later refused case.
     */
    public BadInputCampaign afterAccepted(Runnable settle) {
        this.afterAccepted = settle;
        return this;
    }

    /** A valid value for the query parameter {@code name}, sent with every operation that declares it. */
    public BadInputCampaign queryValue(String name, Object value) {
        queryValues.put(name, String.valueOf(value));
        return this;
    }

    /** The valid JSON body of an operation, when the document's example is missing or will not do. */
    public BadInputCampaign body(String operationKey, String json) {
        bodies.put(operationKey, json);
        return this;
    }

    /** An operation not in the document (the gateway routes the services' operations); body a JSON object or null. */
    public BadInputCampaign operation(String operationKey, String validBody) {
        extraOperations.put(operationKey, validBody);
        return this;
    }

    /** Probed before and after each case: a 4xx must leave it unchanged. See {@link RowCounts}. */
    public BadInputCampaign rowCounts(Supplier<? extends Map<String, Long>> probe) {
        this.rowCounts = probe;
        return this;
    }

    // --- the run --------------------------------------------------------------------------------------------------

    /** What a run did, for the test's log and the figures in docs/reliability.md. */
    public record Report(String service, int operations, int cases, Duration took, Map<Integer, Integer> statuses,
                         Map<String, Integer> casesPerKind, List<String> violations) {

        public String summary() {
            return service + ": " + cases + " generated bad-input cases over " + operations + " operations in "
                    + took.toMillis() + " ms; answers " + statuses + "; by kind " + casesPerKind + "; "
                    + violations.size() + " violation(s)";
        }
    }

    /** Runs the campaign and fails with every violation; returns the report when there is none. */
    public Report verify() {
        Report r = run();
        System.out.println("[bad-input] " + r.summary());
        if (!r.violations().isEmpty()) {
            throw new AssertionError(r.violations().size() + " bad-input violation(s) in " + service + " ("
                    + r.cases() + " cases):\n  " + String.join("\n  ", r.violations()));
        }
        return r;
    }

    public Report run() {
        Objects.requireNonNull(baseUri, "baseUri(...) not set");
        List<Op> ops = operations();
        if (ops.isEmpty()) {
            throw new IllegalStateException(service + ": no operation to try");
        }
        List<Case> plan = plan(ops);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        Function<String, String> tokens = token != null ? token : adminToken();
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        long start = System.nanoTime();
        long deadline = start + timeLimit.toNanos();
        int sent = 0;
        Map<String, Long> known = null;
        for (Case c : plan) {
            if (System.nanoTime() > deadline) {
                violations.add("time limit " + timeLimit + " reached after " + sent + " of " + plan.size()
                        + " cases; lower cases(...) or look for a slow answer");
                break;
            }
            // the counts after a refused case are the counts before the next one: one probe per case, not two
            Map<String, Long> before = rowCounts == null ? null : known != null ? known : rowCounts.get();
            known = null;
            HttpResponse<byte[]> response;
            try {
                response = http.send(c.request(baseUri, tokens.apply(c.op.key())), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.io.IOException e) {
                violations.add(c.describe() + " -> no answer: " + e);
                sent++;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sent++;
            int status = response.statusCode();
            if (status == 202) {
                afterAccepted.run();
            }
            statuses.merge(status, 1, Integer::sum);
            kinds.merge(c.kind, 1, Integer::sum);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            String problem = c.mustRefuse && status < 400 ? "(accepted what it must refuse)"
                    : check(status, response.headers().firstValue("Content-Type").orElse(""), body);
            if (problem != null) {
                violations.add(c.describe() + " -> " + status + " " + problem + ": " + excerpt(body));
            } else if (status >= 400 && rowCounts != null) {
                Map<String, Long> after = rowCounts.get();
                known = after;
                if (!after.equals(before)) {
                    violations.add(c.describe() + " -> " + status + " but rows changed " + difference(before, after)
                            + ": " + excerpt(body));
                }
            }
        }
        return new Report(service, ops.size(), sent, Duration.ofNanos(System.nanoTime() - start), statuses, kinds,
                violations);
    }

    private static String check(int status, String contentType, String body) {
        if (status >= 500) {
            return "(a 5xx)";
        }
        if (status < 400) {
            return null;
        }
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "not problem+json (Content-Type '" + contentType + "')";
        }
        JsonObject p;
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            p = r.readObject();
        } catch (RuntimeException e) {
            return "problem+json that is no JSON object";
        }
        if (!(p.get("status") instanceof jakarta.json.JsonNumber n) || n.intValue() != status) {
            return "problem without the matching status member";
        }
        if (STACK_TRACE.matcher(body).find()) {
            return "problem showing internals";
        }
        return null;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> d = new ArrayList<>();
        after.forEach((t, n) -> {
            Long was = before.get(t);
            if (!n.equals(was)) {
                d.add(t + " " + was + "→" + n);
            }
        });
        return d.toString();
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 240 ? oneLine.substring(0, 240) + "…" : oneLine;
    }

    private static Function<String, String> adminToken() {
        String admin = DevTokens.role("admin");
        return key -> admin;
    }

    // --- operations from the document ----------------------------------------------------------------------------

    record Param(String name, boolean required, String type) {
    }

    record Op(String method, String path, List<Param> pathParams, List<Param> queryParams, String contentType,
              String body, List<String> fields) {

        String key() {
            return method + " " + path;
        }
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        if (openApiPath != null) {
            JsonObject doc = fetchDocument();
            JsonObject components = doc.getJsonObject("components");
            JsonObject schemas = components == null ? null : components.getJsonObject("schemas");
            JsonObject paths = doc.getJsonObject("paths");
            for (String path : new java.util.TreeSet<>(paths.keySet())) {
                JsonObject item = paths.getJsonObject(path);
                for (String method : new java.util.TreeSet<>(item.keySet())) {
                    if (!METHODS.contains(method)) {
                        continue;
                    }
                    String key = method.toUpperCase(Locale.ROOT) + " " + path;
                    if (include.test(key)) {
                        ops.add(fromDocument(method.toUpperCase(Locale.ROOT), path, item, item.getJsonObject(method), schemas));
                    }
                }
            }
        }
        extraOperations.forEach((key, body) -> {
            String[] p = key.split(" ", 2);
            List<Param> pathParams = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(p[1]);
            while (m.find()) {
                pathParams.add(new Param(m.group(1), true, "string"));
            }
            String b = bodies.getOrDefault(key, body);
            ops.add(new Op(p[0], p[1], pathParams, List.of(), b == null ? null : "application/json", b, fieldsOf(b, null)));
        });
        return ops;
    }

    private JsonObject fetchDocument() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    baseUri.resolve(openApiPath + "?format=json")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(openApiPath + " answered " + r.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                return reader.readObject();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("OpenAPI document unreadable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Op fromDocument(String method, String path, JsonObject item, JsonObject op, JsonObject schemas) {
        List<Param> pathParams = new ArrayList<>();
        List<Param> queryParams = new ArrayList<>();
        List<JsonValue> params = new ArrayList<>();
        if (item.get("parameters") instanceof JsonArray a) params.addAll(a);
        if (op.get("parameters") instanceof JsonArray a) params.addAll(a);
        for (JsonValue v : params) {
            JsonObject p = resolve(v.asJsonObject(), schemas);
            String in = p.getString("in", "");
            String type = typeOf(p.get("schema") instanceof JsonObject s ? resolve(s, schemas) : null);
            Param param = new Param(p.getString("name"), p.getBoolean("required", false), type);
            if (in.equals("path")) pathParams.add(param);
            else if (in.equals("query")) queryParams.add(param);
        }
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) {
            String name = m.group(1);
            if (pathParams.stream().noneMatch(p -> p.name.equals(name))) {
                pathParams.add(new Param(name, true, "string"));
            }
        }
        String key = method + " " + path;
        String contentType = null;
        String body = null;
        JsonObject schema = null;
        if (op.get("requestBody") instanceof JsonObject rb && rb.get("content") instanceof JsonObject content
                && !content.isEmpty()) {
            contentType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
            JsonObject media = content.getJsonObject(contentType);
            if (media.get("schema") instanceof JsonObject s) {
                schema = resolve(s, schemas);
            }
            body = bodies.getOrDefault(key, example(media, schema, schemas, contentType));
        } else if (bodies.containsKey(key)) {
            contentType = "application/json";
            body = bodies.get(key);
        }
        return new Op(method, path, pathParams, queryParams, contentType, body,
                contentType != null && contentType.contains("json") ? fieldsOf(body, schema) : List.of());
    }

    private static JsonObject resolve(JsonObject o, JsonObject schemas) {
        for (int i = 0; i < 10 && o.containsKey("$ref"); i++) {
            String ref = o.getString("$ref");
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (schemas == null || !(schemas.get(name) instanceof JsonObject target)) {
                return Json.createObjectBuilder().build();
            }
            o = target;
        }
        return o;
    }

    private static String typeOf(JsonObject schema) {
        if (schema == null) return "string";
        JsonValue t = schema.get("type");
        if (t instanceof JsonString s) return s.getString();
        if (t instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s && !s.getString().equals("null")) return s.getString();
            }
        }
        return "string";
    }

    private static String example(JsonObject media, JsonObject schema, JsonObject schemas, String contentType) {
        JsonValue ex = media.get("example");
        if (ex == null && media.get("examples") instanceof JsonObject examples && !examples.isEmpty()) {
            ex = examples.getJsonObject(examples.keySet().iterator().next()).get("value");
        }
        if (ex instanceof JsonString s) {
            return s.getString();
        }
        if (ex != null) {
            return ex.toString();
        }
        if (!contentType.contains("json")) {
            return "";
        }
        return schema == null ? "{}" : synthesize(schema, schemas, 0).toString();
    }

    /** A value of the schema's shape where the document gives no example: enough to reach validation. */
    private static JsonValue synthesize(JsonObject schema, JsonObject schemas, int depth) {
        schema = resolve(schema, schemas);
        if (schema.get("enum") instanceof JsonArray e && !e.isEmpty()) {
            return e.get(0);
        }
        String type = typeOf(schema);
        String format = schema.getString("format", "");
        return switch (type) {
            case "object" -> {
                var b = Json.createObjectBuilder();
                if (depth < 4 && schema.get("properties") instanceof JsonObject props) {
                    props.forEach((name, s) -> b.add(name, synthesize(s.asJsonObject(), schemas, depth + 1)));
                }
                yield b.build();
            }
            case "array" -> depth < 4 && schema.get("items") instanceof JsonObject items
                    ? Json.createArrayBuilder().add(synthesize(items, schemas, depth + 1)).build()
                    : JsonValue.EMPTY_JSON_ARRAY;
            case "integer" -> Json.createValue(1);
            case "number" -> Json.createValue(1);
            case "boolean" -> JsonValue.TRUE;
            default -> Json.createValue(switch (format) {
                case "uuid" -> java.util.UUID.randomUUID().toString();
                case "date" -> "2024-05-01";
                case "date-time" -> "2024-05-01T08:00:00Z";
                default -> "工会";
            });
        };
    }

    private static List<String> fieldsOf(String body, JsonObject schema) {
        Set<String> fields = new LinkedHashSet<>();
        if (body != null) {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                if (r.read() instanceof JsonObject o) fields.addAll(o.keySet());
            } catch (RuntimeException ignored) {
                // not a JSON object: only whole-body mutations
            }
        }
        if (schema != null && schema.get("properties") instanceof JsonObject props) {
            fields.addAll(props.keySet());
        }
        return List.copyOf(fields);
    }

    // --- cases ---------------------------------------------------------------------------------------------------

    final class Case {
        final Op op;
        final String kind;
        final String label;
        final String pathAndQuery;
        final String contentType;
        final byte[] body;
        final Map<String, String> headers;
        /** A success would mean the service took garbage for data (e.g. invalid UTF-8 stored as replacement characters). */
        boolean mustRefuse;

        Case(Op op, String kind, String label, String pathAndQuery, String contentType, byte[] body,
             Map<String, String> headers) {
            this.op = op;
            this.kind = kind;
            this.label = label;
            this.pathAndQuery = pathAndQuery;
            this.contentType = contentType;
            this.body = body;
            this.headers = headers;
        }

        HttpRequest request(URI base, String bearer) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + pathAndQuery))
                    .timeout(Duration.ofSeconds(15));
            if (bearer != null) b.header("Authorization", "Bearer " + bearer);
            if (contentType != null) b.header("Content-Type", contentType);
            headers.forEach(b::header);
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            return b.method(op.method, publisher).build();
        }

        String describe() {
            String target = pathAndQuery.length() > 120 ? pathAndQuery.substring(0, 120) + "…" : pathAndQuery;
            return "(" + op.key() + ", " + kind + ": " + label + ", " + op.method + " " + target + ")";
        }
    }

    private List<Case> plan(List<Op> ops) {
        List<List<Case>> perOp = new ArrayList<>();
        for (Op op : ops) {
            List<Case> cs = casesOf(op);
            Collections.shuffle(cs, new Random(seed ^ op.key().hashCode()));
            perOp.add(cs);
        }
        List<Case> plan = new ArrayList<>();
        for (int round = 0; plan.size() < cases; round++) {
            boolean any = false;
            for (List<Case> cs : perOp) {
                if (round < cs.size() && plan.size() < cases) {
                    plan.add(cs.get(round));
                    any = true;
                }
            }
            if (!any) break;
        }
        return plan;
    }

    private List<Case> casesOf(Op op) {
        List<Case> out = new ArrayList<>();
        String path = expand(op, null, null);
        String query = baseQuery(op);
        String base = op.body;
        byte[] baseBytes = base == null ? null : base.getBytes(StandardCharsets.UTF_8);
        boolean json = op.contentType != null && op.contentType.contains("json");

        // path parameters
        for (Param p : op.pathParams) {
            for (Mutations.Raw v : Mutations.PATH_VALUES) {
                out.add(new Case(op, "path", p.name + "=" + v.label(), expand(op, p.name, v.json()) + query,
                        op.contentType, baseBytes, Map.of()));
            }
        }
        // query parameters
        List<Param> qs = new ArrayList<>(op.queryParams);
        qs.add(new Param("zzUnknown", false, "string"));
        for (Param p : qs) {
            for (Mutations.Raw v : Mutations.QUERY_VALUES) {
                String value = v.json() == null ? valueFor(p) + "&" + p.name + "=" + (p.type.equals("integer") ? "2" : "x") : v.json();
                out.add(new Case(op, "query", p.name + "=" + v.label(), path + withQuery(op, p.name, value),
                        op.contentType, baseBytes, Map.of()));
            }
        }
        if (op.contentType == null) {
            // a body where none belongs, and a junk Accept
            out.add(new Case(op, "body", "unexpected JSON body", path + query, "application/json",
                    "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Map.of()));
            out.add(new Case(op, "header", "Accept: application/xml", path + query, null, null,
                    Map.of("Accept", "application/xml")));
            return out;
        }
        // headers
        out.add(new Case(op, "header", "Accept: application/xml", path + query, op.contentType, baseBytes,
                Map.of("Accept", "application/xml")));
        out.add(new Case(op, "header", "If-Match: garbage", path + query, op.contentType, baseBytes,
                Map.of("If-Match", "garbage\"")));
        out.add(new Case(op, "header", "Idempotency-Key: 1,000 chars", path + query, op.contentType, baseBytes,
                Map.of("Idempotency-Key", "k".repeat(1_000))));
        // whole bodies
        for (Mutations.Raw b : Mutations.BODIES) {
            String text = b.json().replace("%BASE%", base == null || base.isEmpty() ? "{}" : base);
            out.add(new Case(op, "body", b.label(), path + query, json ? op.contentType : op.contentType,
                    text.getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        String spliceBase = json ? (base == null ? "{}" : base) : "{}";
        for (Mutations.Bytes b : Mutations.INVALID_UTF8) {
            byte[] bytes = json ? Mutations.splice(spliceBase, b.bytes()) : concat(baseBytes, b.bytes());
            Case c = new Case(op, "body", b.label(), path + query, op.contentType, bytes, Map.of());
            c.mustRefuse = json && !forwardsBodies;
            out.add(c);
        }
        for (String ct : Mutations.WRONG_CONTENT_TYPES) {
            if (!Objects.equals(ct, op.contentType)) {
                out.add(new Case(op, "content-type", String.valueOf(ct), path + query, ct, baseBytes, Map.of()));
            }
        }
        // each field of the body
        for (String field : op.fields) {
            for (Mutations.Raw v : Mutations.FIELD_VALUES) {
                out.add(new Case(op, "field", field + "=" + v.label(), path + query, op.contentType,
                        withField(base, field, v.json()).getBytes(StandardCharsets.UTF_8), Map.of()));
            }
            out.add(new Case(op, "field", field + " missing", path + query, op.contentType,
                    withField(base, field, null).getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] head = a == null ? new byte[0] : a;
        byte[] out = new byte[head.length + b.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(b, 0, out, head.length, b.length);
        return out;
    }

    /** The valid body with {@code field} set to raw JSON {@code value} (null: removed). */
    private static String withField(String base, String field, String value) {
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(base == null || base.isBlank() ? "{}" : base))) {
            o = r.readObject();
        } catch (RuntimeException e) {
            o = JsonValue.EMPTY_JSON_OBJECT;
        }
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        boolean seen = false;
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String v = e.getValue().toString();
            if (e.getKey().equals(field)) {
                seen = true;
                if (value == null) continue;
                v = value;
            }
            sb.append(first ? "" : ",").append(Json.createValue(e.getKey())).append(':').append(v);
            first = false;
        }
        if (!seen && value != null) {
            sb.append(first ? "" : ",").append(Json.createValue(field)).append(':').append(value);
        }
        return sb.append('}').toString();
    }

    private String expand(Op op, String mutated, String raw) {
        Matcher m = PLACEHOLDER.matcher(op.path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(mutated) ? raw : encode(validPathValue(op.path, name));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String validPathValue(String path, String name) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            String[] k = e.getKey().split(" ", 2);
            if (k[1].equals(name) && path.startsWith(k[0]) && k[0].length() > bestLength) {
                best = e.getValue();
                bestLength = k[0].length();
            }
        }
        return best != null ? best
                : java.util.UUID.nameUUIDFromBytes((service + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String valueFor(Param p) {
        String v = queryValues.get(p.name);
        if (v != null) return encode(v);
        return switch (p.type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "x";
        };
    }

    /** The query of a valid call: the configured values of the parameters the operation declares. */
    private String baseQuery(Op op) {
        return withQuery(op, null, null);
    }

    private String withQuery(Op op, String mutated, String raw) {
        List<String> parts = new ArrayList<>();
        boolean placed = false;
        for (Param p : op.queryParams) {
            if (p.name.equals(mutated)) {
                parts.add(p.name + "=" + raw);
                placed = true;
            } else if (queryValues.containsKey(p.name) || p.required) {
                parts.add(p.name + "=" + valueFor(p));
            }
        }
        if (mutated != null && !placed) {
            parts.add(mutated + "=" + raw);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
