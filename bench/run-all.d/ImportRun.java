import org.unionhub.infra.DevTokens;
import org.unionhub.infra.ResidentIds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/run-all item (d) when neither bench/events nor bench/import is in the tree: ROWS generated members in one CSV,
 * POSTed to membership's /api/v1/member-imports (staff of a fresh organization), timed until the job reads DONE.
 * Args: membershipUrl rows boundSeconds. Prints one line starting with "IMPORT ".
 */
public class ImportRun {

    public static void main(String[] a) throws Exception {
        String membership = a[0];
        int rows = Integer.parseInt(a[1]);
        long bound = Long.parseLong(a[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> o = http.send(json(membership + "/api/v1/organizations", DevTokens.role("admin"),
                "{\"name\":\"导入压测工会-" + suffix + "\",\"type\":\"FEDERATION_PROVINCIAL\",\"parentId\":null,\"regionCode\":\"211421\"}"),
                HttpResponse.BodyHandlers.ofString());
        String org = field(o.body(), "id");
        String staff = DevTokens.staff(UUID.fromString(org));

        Random r = new Random();
        Set<String> seen = new HashSet<>();
        StringBuilder csv = new StringBuilder("name,idNumber,phone,employmentForm,employer,organizationId\n");
        while (seen.size() < rows) {
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(365 * 40));
            String first17 = "211421" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
            if (seen.add(first17)) {
                csv.append("职工").append(seen.size()).append(',').append(ResidentIds.withCheckDigit(first17)).append(",13")
                        .append(String.format("%09d", r.nextInt(1_000_000_000))).append(",COURIER,顺达物流,").append(org).append('\n');
            }
        }
        long t0 = System.nanoTime();
        HttpResponse<String> job = http.send(HttpRequest.newBuilder(URI.create(membership + "/api/v1/member-imports"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (job.statusCode() != 202) {
            throw new IllegalStateException("import answered " + job.statusCode() + ": " + job.body());
        }
        String id = field(job.body(), "id");
        String body = job.body();
        while (!field(body, "status").equals("DONE") && !field(body, "status").equals("FAILED")) {
            if ((System.nanoTime() - t0) / 1e9 > bound) {
                throw new IllegalStateException("import not done after " + bound + " s: " + body);
            }
            Thread.sleep(200);
            body = http.send(HttpRequest.newBuilder(URI.create(membership + "/api/v1/member-imports/" + id))
                    .header("Authorization", "Bearer " + staff).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("IMPORT rows=%d status=%s imported=%s failed=%s seconds=%.2f rows_per_s=%.0f%n", rows, field(body, "status"),
                number(body, "imported"), number(body, "failed"), s, rows / s);
    }

    static HttpRequest json(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
