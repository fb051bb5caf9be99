import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/events (issue 14, item 6): member joins at fixed rates through membership-service's HTTP API, then
 * commit -> applied per consuming service from the outbox and inbox timestamps; the relay's top throughput;
 * a member import and the time until every projection holds all its members. Run by bench/events/run.sh
 * against a running suite (loopback only). Java 17, single file; needs the PostgreSQL JDBC driver on the class path.
 */
public class EventsBench {

    static final String JOINED = "org.unionhub.membership.member.joined.v1";
    static final List<String> CONSUMERS = List.of("venue", "assistance", "competition");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    final String membership = env("MEMBERSHIP_URL", "http://127.0.0.1:8081");
    final String token = System.getenv("TOKEN");
    final String pgBase = env("PG_JDBC_BASE", "jdbc:postgresql://127.0.0.1:15432");
    final String pgUser = env("PG_USER", "postgres");
    final String pgPassword = env("PG_PASSWORD", "postgres");
    final int duration = Integer.parseInt(env("DURATION", "60"));
    final List<Integer> rates = parseRates(env("RATES", "100,500,1000,2000"));
    final int importRows = Integer.parseInt(env("IMPORT_ROWS", "50000"));
    final int relayRows = Integer.parseInt(env("RELAY_ROWS", "50000"));
    final Duration catchUpLimit = Duration.ofSeconds(Long.parseLong(env("CATCH_UP_LIMIT", "180")));
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String[] regions = {"110101", "110102", "110105", "120101", "210102", "211421", "310101", "320102", "440103", "510104"};
    final String region = regions[(int) (Math.random() * regions.length)];
    final long firstDay = LocalDate.of(1960, 1, 1).toEpochDay() + (long) (Math.random() * 12000);
    final AtomicInteger person = new AtomicInteger();

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static List<Integer> parseRates(String s) {
        List<Integer> r = new ArrayList<>();
        for (String p : s.split(",")) r.add(Integer.parseInt(p.trim()));
        return r;
    }

    public static void main(String[] args) throws Exception {
        new EventsBench().run(args.length > 0 ? Path.of(args[0]) : Path.of("bench/events/results/events.json"));
    }

    // ---------------------------------------------------------------- people

    /** A resident ID number nobody else in this run has: GB 11643 check digit (ISO 7064 MOD 11-2). */
    String idNumber() {
        int i = person.getAndIncrement();
        LocalDate birth = LocalDate.ofEpochDay(firstDay + i / 999);
        String body = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", i % 999 + 1);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) sum += (body.charAt(k) - '0') * w[k];
        return body + "10X98765432".charAt(sum % 11);
    }

    String phone(int i) {
        return "139" + String.format("%08d", (i * 7919L) % 100_000_000L);
    }

    // ---------------------------------------------------------------- HTTP

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(membership + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(membership + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String organization(String name) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"type\":\"FEDERATION_PROVINCIAL\",\"regionCode\":\"210000\"}";
        HttpResponse<String> r = post("/api/v1/organizations", "application/json", body);
        if (r.statusCode() != 201) throw new IllegalStateException("organization: " + r.statusCode() + " " + r.body());
        Matcher m = ID.matcher(r.body());
        if (!m.find()) throw new IllegalStateException("no id in " + r.body());
        return m.group(1);
    }

    String joinBody(String org) {
        int i = person.get();
        return "{\"name\":\"基准工人" + i + "\",\"idNumber\":\"" + idNumber() + "\",\"phone\":\"" + phone(i)
                + "\",\"employmentForm\":\"COURIER\",\"employer\":\"基准快递\",\"organizationId\":\"" + org + "\",\"joinChannel\":\"ON_SITE\"}";
    }

    // ---------------------------------------------------------------- databases

    Connection db(String name) throws Exception {
        return DriverManager.getConnection(pgBase + "/" + name, pgUser, pgPassword);
    }

    long count(String database, String sql, Object... params) throws Exception {
        try (Connection c = db(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** event id -> micros since epoch of a timestamp column, for the given ids */
    Map<UUID, Long> times(String database, String sql, UUID[] ids) throws Exception {
        Map<UUID, Long> out = new HashMap<>();
        try (Connection c = db(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(2) != null) out.put((UUID) rs.getObject(1), rs.getTimestamp(2).toInstant().toEpochMilli() * 1000
                            + (rs.getTimestamp(2).getNanos() / 1000) % 1000);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- figures

    record Stats(int n, double p50, double p99, double max) {
        static Stats of(List<Double> ms) {
            if (ms.isEmpty()) return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            List<Double> s = new ArrayList<>(ms);
            Collections.sort(s);
            return new Stats(s.size(), pct(s, 0.50), pct(s, 0.99), s.get(s.size() - 1));
        }

        static double pct(List<Double> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        String json() {
            return String.format(Locale.ROOT, "{\"n\":%d,\"p50Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f}", n, p50, p99, max);
        }
    }

    record Phase(int rate, int offered, int created, int refused, double achievedPerSecond, Stats sent,
                 Map<String, Stats> applied, double catchUpSeconds, boolean caughtUp) {
    }

    // ---------------------------------------------------------------- the run

    void run(Path jsonOut) throws Exception {
        if (token == null) throw new IllegalStateException("TOKEN (an admin development token) is required");
        String started = Instant.now().toString();
        String load0 = Files.readString(Path.of("/proc/loadavg")).trim();
        String org = organization("事件基准省总工会" + UUID.randomUUID().toString().substring(0, 6));
        awaitOrganization(org);

        List<Phase> phases = new ArrayList<>();
        for (int rate : rates) {
            phases.add(phase(org, rate));
        }
        double relay = relayThroughput();
        Map<String, Object> imp = importRun();
        String load1 = Files.readString(Path.of("/proc/loadavg")).trim();

        StringBuilder md = new StringBuilder();
        md.append("\n## bench/events (").append(started).append(", DURATION=").append(duration).append(" s per rate)\n\n");
        md.append("load average before: ").append(load0).append("; after: ").append(load1).append("\n\n");
        md.append("| rate (joins/s) | achieved/s | created | refused | commit→sent p50/p99 ms |");
        for (String c : CONSUMERS) md.append(" ").append(c).append(" p50/p99/max ms |");
        md.append(" catch-up s |\n|---|---|---|---|---|");
        for (String ignored : CONSUMERS) md.append("---|");
        md.append("---|\n");
        for (Phase p : phases) {
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %d | %d | %.0f / %.0f |", p.rate, p.achievedPerSecond, p.created, p.refused, p.sent.p50, p.sent.p99));
            for (String c : CONSUMERS) {
                Stats s = p.applied.get(c);
                md.append(String.format(Locale.ROOT, " %.0f / %.0f / %.0f |", s.p50, s.p99, s.max));
            }
            md.append(String.format(Locale.ROOT, " %.1f%s |\n", p.catchUpSeconds, p.caughtUp ? "" : " (not caught up)"));
        }
        md.append(String.format(Locale.ROOT, "%nrelay top throughput: %.0f events/s (%d rows written at once into membership's outbox)%n", relay, relayRows));
        md.append(String.format(Locale.ROOT, "import: %s rows in %.1f s = %.0f rows/s (status %s); all three projections held every member %.1f s after the job ended%s%n",
                imp.get("rows"), imp.get("seconds"), imp.get("rowsPerSecond"), imp.get("status"), imp.get("projectionsCaughtUpSeconds"),
                Boolean.TRUE.equals(imp.get("caughtUp")) ? "" : " (NOT caught up within " + catchUpLimit.toSeconds() + " s; projected: " + imp.get("projected") + ")"));
        System.out.print(md);

        StringBuilder js = new StringBuilder("{\n");
        js.append("  \"started\": \"").append(started).append("\",\n  \"durationSeconds\": ").append(duration)
                .append(",\n  \"loadAverageBefore\": \"").append(load0).append("\",\n  \"loadAverageAfter\": \"").append(load1).append("\",\n  \"phases\": [\n");
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            js.append(String.format(Locale.ROOT, "    {\"rate\":%d,\"offered\":%d,\"created\":%d,\"refused\":%d,\"achievedPerSecond\":%.1f,\"commitToSent\":%s,\"applied\":{",
                    p.rate, p.offered, p.created, p.refused, p.achievedPerSecond, p.sent.json()));
            int k = 0;
            for (String c : CONSUMERS) js.append(k++ > 0 ? "," : "").append('"').append(c).append("\":").append(p.applied.get(c).json());
            js.append(String.format(Locale.ROOT, "},\"catchUpSeconds\":%.2f,\"caughtUp\":%b}%s%n", p.catchUpSeconds, p.caughtUp, i < phases.size() - 1 ? "," : ""));
        }
        js.append(String.format(Locale.ROOT, "  ],%n  \"relayTopThroughputPerSecond\": %.0f,%n  \"relayRows\": %d,%n", relay, relayRows));
        js.append("  \"import\": {");
        int k = 0;
        for (Map.Entry<String, Object> e : imp.entrySet()) {
            Object v = e.getValue();
            js.append(k++ > 0 ? ", " : "").append('"').append(e.getKey()).append("\": ")
                    .append(v instanceof String ? "\"" + v + "\"" : v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(v));
        }
        js.append("}\n}\n");
        Files.createDirectories(jsonOut.toAbsolutePath().getParent());
        Files.writeString(jsonOut, js);
        System.out.println("\nJSON: " + jsonOut);
    }

    void awaitOrganization(String org) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String c : CONSUMERS) {
            while (count(c, "SELECT count(*) FROM organization_view WHERE id = ?", UUID.fromString(org)) == 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(c + " never projected the organization");
                Thread.sleep(100);
            }
        }
    }

    Phase phase(String org, int rate) throws Exception {
        System.err.printf("rate %d joins/s for %d s ...%n", rate, duration);
        int total = rate * duration;
        ConcurrentLinkedQueue<UUID> members = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger offered = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long t0 = System.nanoTime();
        // a fixed rate: each tick offers one join whether or not earlier ones have answered (no coordinated omission),
        // up to 2,000 outstanding requests
        ticker.scheduleAtFixedRate(() -> {
            if (offered.get() >= total) return;
            offered.incrementAndGet();
            if (inFlight.get() >= 2000) {
                refused.incrementAndGet();
                return;
            }
            String body;
            synchronized (this) {
                body = joinBody(org);
            }
            inFlight.incrementAndGet();
            http.sendAsync(HttpRequest.newBuilder(URI.create(membership + "/api/v1/members")).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        inFlight.decrementAndGet();
                        if (e == null && r.statusCode() == 201) {
                            Matcher m = ID.matcher(r.body());
                            if (m.find()) members.add(UUID.fromString(m.group(1)));
                        } else {
                            refused.incrementAndGet();
                        }
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (offered.get() < total && System.nanoTime() - t0 < Duration.ofSeconds(duration + 5L).toNanos()) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        long drain = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drain) Thread.sleep(20);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Instant phaseEnd = Instant.now();

        // the joins' events, from membership's outbox
        UUID[] ids = members.toArray(UUID[]::new);
        List<UUID> events = new ArrayList<>();
        Map<UUID, Long> committed = new HashMap<>();
        Map<UUID, Long> sentAt = new HashMap<>();
        try (Connection c = db("membership"); PreparedStatement s = c.prepareStatement(
                "SELECT event_id, occurred_at, sent_at FROM outbox WHERE event_type = ? AND aggregate_id = ANY(?)")) {
            s.setString(1, JOINED);
            s.setArray(2, c.createArrayOf("text", members.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = (UUID) rs.getObject(1);
                    events.add(id);
                    committed.put(id, micros(rs.getTimestamp(2)));
                    if (rs.getTimestamp(3) != null) sentAt.put(id, micros(rs.getTimestamp(3)));
                }
            }
        }
        UUID[] eventIds = events.toArray(UUID[]::new);
        // catch-up: until every consumer applied every event
        boolean caughtUp = false;
        long deadline = System.nanoTime() + catchUpLimit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (String c : CONSUMERS) {
                long n = countIds(c, eventIds);
                if (n < eventIds.length) {
                    all = false;
                    break;
                }
            }
            if (all) {
                caughtUp = true;
                break;
            }
            Thread.sleep(100);
        }
        double catchUp = Duration.between(phaseEnd, Instant.now()).toMillis() / 1000.0;
        // re-read sent_at (some were sent after the first read)
        sentAt.putAll(times("membership", "SELECT event_id, sent_at FROM outbox WHERE event_id = ANY(?)", eventIds));
        List<Double> sentMs = new ArrayList<>();
        for (UUID e : events) if (sentAt.containsKey(e)) sentMs.add((sentAt.get(e) - committed.get(e)) / 1000.0);
        Map<String, Stats> applied = new LinkedHashMap<>();
        for (String c : CONSUMERS) {
            // the latest of the service's consumers that applied the event
            Map<UUID, Long> at = times(c, "SELECT event_id, max(processed_at) FROM processed_event WHERE event_id = ANY(?) GROUP BY event_id", eventIds);
            List<Double> ms = new ArrayList<>();
            for (UUID e : events) if (at.containsKey(e)) ms.add((at.get(e) - committed.get(e)) / 1000.0);
            applied.put(c, Stats.of(ms));
        }
        System.err.printf("  %d created, %d refused, caught up: %b after %.1f s%n", ids.length, refused.get(), caughtUp, catchUp);
        return new Phase(rate, offered.get(), ids.length, refused.get(), ids.length / seconds, Stats.of(sentMs), applied, catchUp, caughtUp);
    }

    long countIds(String database, UUID[] ids) throws Exception {
        try (Connection c = db(database); PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT event_id) FROM processed_event WHERE event_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long micros(java.sql.Timestamp t) {
        return t.toInstant().getEpochSecond() * 1_000_000L + t.getNanos() / 1000;
    }

    /** Rows written at once into membership's outbox, on a topic no service reads: events/s from the first send to the last. */
    double relayThroughput() throws Exception {
        System.err.printf("relay: %d rows at once ...%n", relayRows);
        String topic = "membership.bench.v1";
        String run = UUID.randomUUID().toString();
        try (Connection c = db("membership"); PreparedStatement s = c.prepareStatement(
                "INSERT INTO outbox (event_id, topic, event_type, aggregate_id, payload, occurred_at) "
                        + "SELECT gen_random_uuid(), ?, 'org.unionhub.membership.bench.relayed.v1', ? || '-' || (g % 500), "
                        + "'{\"n\":' || g || ',\"name\":\"基准事件\"}', clock_timestamp() FROM generate_series(1, ?) g")) {
            s.setString(1, topic);
            s.setString(2, run);
            s.setInt(3, relayRows);
            s.executeUpdate();
        }
        long deadline = System.nanoTime() + catchUpLimit.toNanos();
        while (count("membership", "SELECT count(*) FROM outbox WHERE topic = ? AND aggregate_id LIKE ? AND sent_at IS NULL", topic, run + "-%") > 0) {
            if (System.nanoTime() > deadline) break;
            Thread.sleep(200);
        }
        try (Connection c = db("membership"); PreparedStatement s = c.prepareStatement(
                "SELECT count(sent_at), EXTRACT(EPOCH FROM max(sent_at) - min(sent_at)) FROM outbox WHERE topic = ? AND aggregate_id LIKE ?")) {
            s.setString(1, topic);
            s.setString(2, run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long sent = rs.getLong(1);
                double span = rs.getDouble(2);
                return span <= 0 ? Double.NaN : sent / span;
            }
        }
    }

    Map<String, Object> importRun() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", importRows);
        if (importRows <= 0) return out;
        System.err.printf("import: %d rows ...%n", importRows);
        String org = organization("导入基准省总工会" + UUID.randomUUID().toString().substring(0, 6));
        awaitOrganization(org);
        StringBuilder csv = new StringBuilder("name,idNumber,phone,employmentForm,employer,organizationId\n");
        for (int i = 0; i < importRows; i++) {
            int n = person.get();
            csv.append("导入工人").append(n).append(',').append(idNumber()).append(',').append(phone(n))
                    .append(",TRUCK_DRIVER,基准物流,").append(org).append('\n');
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r = post("/api/v1/member-imports", "text/csv", csv.toString());
        if (r.statusCode() != 202) throw new IllegalStateException("import: " + r.statusCode() + " " + r.body());
        Matcher m = ID.matcher(r.body());
        if (!m.find()) throw new IllegalStateException("no job id in " + r.body());
        String job = m.group(1);
        String status = "";
        String body = "";
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            body = get("/api/v1/member-imports/" + job).body();
            Matcher s = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"").matcher(body);
            status = s.find() ? s.group(1) : "?";
            if (status.equals("DONE") || status.equals("FAILED")) break;
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Instant jobEnd = Instant.now();
        long imported = number(body, "imported");
        out.put("status", status);
        out.put("imported", imported);
        out.put("failed", number(body, "failed"));
        out.put("seconds", seconds);
        out.put("rowsPerSecond", importRows / seconds);
        boolean caughtUp = false;
        long projected = 0;
        long until = System.nanoTime() + catchUpLimit.toNanos();
        while (System.nanoTime() < until) {
            long least = Long.MAX_VALUE;
            for (String c : CONSUMERS) {
                least = Math.min(least, count(c, "SELECT count(*) FROM member_view WHERE organization_id = ?", UUID.fromString(org)));
            }
            projected = least;
            if (least >= imported) {
                caughtUp = true;
                break;
            }
            Thread.sleep(100);
        }
        out.put("projected", projected);
        out.put("caughtUp", caughtUp);
        out.put("projectionsCaughtUpSeconds", Duration.between(jobEnd, Instant.now()).toMillis() / 1000.0);
        return out;
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
