import org.unionhub.infra.DevTokens;
import org.unionhub.infra.ResidentIds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N members race for the seats of one members-only activity, each with his own token (bench/booking/run.sh).
 * Run with the deploy/local-infra launcher class path (DevTokens signs with the DEVELOPMENT key; the PostgreSQL
 * driver reads venue's member projection to know when every member has arrived there).
 * Args: membershipUrl venueUrl jdbcBase pgUser pgPassword members seats clientThreads
 * Prints one line starting with "BOOKING " (key=value pairs) that bench/run-all parses.
 */
public class BookingRace {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    public static void main(String[] a) throws Exception {
        String membership = a[0], venue = a[1], jdbc = a[2], pgUser = a[3], pgPassword = a[4];
        int members = Integer.parseInt(a[5]), seats = Integer.parseInt(a[6]), threads = Integer.parseInt(a[7]);
        String admin = DevTokens.role("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        String org = id(post(membership + "/api/v1/organizations", admin, "{\"name\":\"订座压测工会-" + suffix
                + "\",\"type\":\"FEDERATION_PROVINCIAL\",\"parentId\":null,\"regionCode\":\"211421\"}", 201));
        String staff = DevTokens.staff(UUID.fromString(org));

        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        ExecutorService joinPool = Executors.newFixedThreadPool(8);
        List<Future<String>> joins = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            joins.add(joinPool.submit(() -> join(membership, staff, org)));
        }
        for (Future<String> f : joins) {
            ids.add(f.get());
        }
        joinPool.shutdown();
        System.out.printf("joined %d members in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);

        // venue learns of the organization and the members from membership's events
        waitForProjection(jdbc + "/venue", pgUser, pgPassword, UUID.fromString(org), ids, Duration.ofSeconds(180));
        System.out.printf("venue knows them after %.1f s%n", (System.nanoTime() - t0) / 1e9);

        String venueId = id(post(venue + "/api/v1/venues", admin, """
                {"name": "订座压测驿站-%s", "kind": "SERVICE_CENTER", "level": "STREET", "parentVenueId": null,
                 "organizationId": "%s", "address": "葫芦岛市绥中县", "location": {"lat": 40.32, "lon": 120.34},
                 "areaSqm": 200.00, "amenities": ["DRINKING_WATER"], "openingHours": {},
                 "operatingModel": "SOCIALIZED", "openedOn": "2022-11-20", "allowOverlappingActivities": true}"""
                .formatted(suffix, org), 201));
        Instant starts = Instant.now().plus(Duration.ofDays(2));
        String activity = id(post(venue + "/api/v1/venues/" + venueId + "/activities", admin, """
                {"title": "职工观影-%s", "startsAt": "%s", "endsAt": "%s", "capacity": %d, "membersOnly": true}"""
                .formatted(suffix, starts, starts.plus(Duration.ofHours(2)), seats), 201));

        List<String> tokens = ids.stream().map(m -> DevTokens.member(UUID.fromString(m))).toList();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String member = ids.get(i), token = tokens.get(i);
            calls.add(pool.submit(() -> {
                go.await();
                String outcome;
                try {
                    HttpResponse<String> r = send(venue + "/api/v1/activities/" + activity + "/bookings", token,
                            "{\"memberId\":\"" + member + "\"}");
                    Matcher s = STATUS.matcher(r.body());
                    outcome = r.statusCode() == 201 && s.find() ? s.group(1) : "HTTP_" + r.statusCode();
                } catch (Exception e) {
                    outcome = "ERROR_" + e.getClass().getSimpleName();
                }
                outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        long s0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : calls) {
            f.get();
        }
        double seconds = (System.nanoTime() - s0) / 1e9;
        pool.shutdown();

        // what the service itself says afterwards
        HttpResponse<String> act = HTTP.send(HttpRequest.newBuilder(URI.create(venue + "/api/v1/activities/" + activity)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher c = Pattern.compile("\"confirmed\"\\s*:\\s*(\\d+)").matcher(act.body());
        String confirmedByService = c.find() ? c.group(1) : "?";
        int confirmed = count(outcomes, "CONFIRMED"), waitlisted = count(outcomes, "WAITLISTED");
        int other = ids.size() - confirmed - waitlisted;
        System.out.println("outcomes: " + outcomes);
        System.out.printf("BOOKING requests=%d seats=%d confirmed=%d waitlisted=%d other=%d service_confirmed=%s seconds=%.3f rps=%.0f threads=%d%n",
                ids.size(), seats, confirmed, waitlisted, other, confirmedByService, seconds, ids.size() / seconds, threads);
    }

    static int count(Map<String, AtomicInteger> m, String k) {
        AtomicInteger v = m.get(k);
        return v == null ? 0 : v.get();
    }

    static String join(String membership, String staff, String org) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(365 * 40));
            String first17 = "211421" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
            String phone = "13" + String.format("%09d", r.nextInt(1_000_000_000));
            HttpResponse<String> res = send(membership + "/api/v1/members", staff, """
                    {"name": "骑手%s", "idNumber": "%s", "phone": "%s", "employmentForm": "FOOD_DELIVERY", "employer": "顺达物流",
                     "organizationId": "%s", "joinChannel": "ON_SITE"}""".formatted(first17.substring(14), ResidentIds.withCheckDigit(first17), phone, org));
            if (res.statusCode() == 201) {
                return id(res.body());
            }
            if (res.statusCode() != 409) {
                throw new IllegalStateException("join answered " + res.statusCode() + ": " + res.body());
            }
        }
        throw new IllegalStateException("five ID numbers in a row were taken");
    }

    static void waitForProjection(String jdbc, String user, String password, UUID org, List<String> ids, Duration bound) throws Exception {
        Instant until = Instant.now().plus(bound);
        try (Connection c = DriverManager.getConnection(jdbc, user, password);
             PreparedStatement orgs = c.prepareStatement("SELECT count(*) FROM organization_view WHERE id = ?");
             PreparedStatement known = c.prepareStatement("SELECT count(*) FROM member_view WHERE id = ANY (?)")) {
            orgs.setObject(1, org);
            known.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            while (true) {
                long o = single(orgs), m = single(known);
                if (o == 1 && m == ids.size()) {
                    return;
                }
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("venue knows " + m + " of " + ids.size() + " members (organization: " + o + ") after " + bound);
                }
                Thread.sleep(250);
            }
        }
    }

    static long single(PreparedStatement s) throws Exception {
        try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static String post(String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = send(url, token, body);
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static HttpResponse<String> send(String url, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }
}
