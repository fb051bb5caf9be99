import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the calls of issue 20 against a membership-service holding a generated load (generate.sql), one
 * client, sequentially, after a warm-up: p50/p95 per call in milliseconds. Organization and member ids are
 * recomputed from the seed the way generate.sql makes them.
 *   java ScaleBench.java BASE_URL SEED N ADMIN_TOKEN STAFF_TOKEN OUT_JSON [IMPORT_ROWS]
 */
public class ScaleBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static String admin;
    static final Random RANDOM = new Random(7);
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉红玉兰峰鹏飞斌宇浩凯健俊";
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";

    public static void main(String[] args) throws Exception {
        base = args[0];
        String seed = args[1];
        long n = Long.parseLong(args[2]);
        admin = args[3];
        String staff = args[4];
        Path out = Path.of(args[5]);
        int importRows = args.length > 6 ? Integer.parseInt(args[6]) : 20_000;
        String province = uuid(seed + ":province");
        long units = Math.max(n / 100, 1);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("members", n);

        // warm-up: JIT and the database's caches for every kind of call
        for (int i = 0; i < 200; i++) {
            get("/api/v1/organizations/" + uuid(seed + ":county:" + (1 + i % 112)) + "/stats");
            get("/api/v1/members/" + uuid(seed + ":m:" + RANDOM.nextInt((int) Math.min(n, Integer.MAX_VALUE))));
            get("/api/v1/members?organizationId=" + province + "&q=" + enc(name2()) + "&limit=20");
        }

        results.put("stats province", time(100, () -> "/api/v1/organizations/" + province + "/stats"));
        results.put("stats city", time(140, () -> "/api/v1/organizations/" + uuid(seed + ":city:" + (1 + RANDOM.nextInt(14))) + "/stats"));
        results.put("stats county", time(224, () -> "/api/v1/organizations/" + uuid(seed + ":county:" + (1 + RANDOM.nextInt(112))) + "/stats"));
        results.put("stats grassroots", time(200, () -> "/api/v1/organizations/" + uuid(seed + ":unit:" + RANDOM.nextInt((int) units)) + "/stats"));
        results.put("name search, 2 characters, province", time(200,
                () -> "/api/v1/members?organizationId=" + province + "&limit=20&q=" + enc(name2())));
        results.put("name search, full name, province", time(200,
                () -> "/api/v1/members?organizationId=" + province + "&limit=20&q=" + enc(SURNAMES.charAt(RANDOM.nextInt(SURNAMES.length())) + name2())));
        results.put("name search, 2 characters, county", time(200,
                () -> "/api/v1/members?organizationId=" + uuid(seed + ":county:" + (1 + RANDOM.nextInt(112))) + "&limit=20&q=" + enc(name2())));
        results.put("list page of 200, province (50 cursor pages)", pages("/api/v1/members?organizationId=" + province + "&limit=200", 50));
        results.put("list page of 200, county (50 cursor pages)", pages("/api/v1/members?organizationId=" + uuid(seed + ":county:7") + "&limit=200", 50));
        results.put("list by form and status, province", time(200, () -> "/api/v1/members?organizationId=" + province
                + "&employmentForm=COURIER&status=ACTIVE&limit=20"));
        results.put("GET member", time(1000, () -> "/api/v1/members/" + uuid(seed + ":m:" + RANDOM.nextInt((int) Math.min(n, Integer.MAX_VALUE)))));
        if (importRows > 0) {
            results.put("import rows/s", importRate(staff, seed, province, importRows, (int) ((n / 1_000_000) % 16) * importRows));
        }
        StringBuilder md = new StringBuilder("| call | p50 ms | p95 ms | calls |\n| --- | ---: | ---: | ---: |\n");
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> e : results.entrySet()) {
            if (e.getValue() instanceof double[] t) {
                md.append(String.format("| %s | %.1f | %.1f | %d |%n", e.getKey(), t[0], t[1], (long) t[2]));
                json.append(String.format("\"%s\":{\"p50\":%.2f,\"p95\":%.2f,\"calls\":%d},", e.getKey(), t[0], t[1], (long) t[2]));
            } else {
                md.append(String.format("| %s | %s | | |%n", e.getKey(), e.getValue()));
                json.append(String.format("\"%s\":%s,", e.getKey(), e.getValue()));
            }
        }
        json.setLength(json.length() - 1);
        json.append("}\n");
        Files.writeString(out, json);
        System.out.print(md);
    }

    static String name2() {
        return "" + GIVEN.charAt(RANDOM.nextInt(GIVEN.length())) + GIVEN.charAt(RANDOM.nextInt(GIVEN.length()));
    }

    static double[] time(int calls, Supplier<String> path) throws Exception {
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            String p = path.get();
            long t0 = System.nanoTime();
            get(p);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return summary(ms);
    }

    static double[] pages(String first, int count) throws Exception {
        double[] ms = new double[count];
        String cursor = null;
        Pattern next = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
        for (int i = 0; i < count; i++) {
            String p = cursor == null ? first : first + "&cursor=" + enc(cursor);
            long t0 = System.nanoTime();
            String body = get(p);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            Matcher m = next.matcher(body);
            if (!m.find()) {
                return summary(Arrays.copyOf(ms, i + 1));
            }
            cursor = m.group(1);
        }
        return summary(ms);
    }

    static double[] summary(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[]{sorted[(int) Math.floor(0.50 * (sorted.length - 1))], sorted[(int) Math.ceil(0.95 * (sorted.length - 1))], sorted.length};
    }

    static String importRate(String staff, String seed, String province, int rows, int offset) throws Exception {
        StringBuilder csv = new StringBuilder("name,idNumber,phone,employmentForm,employer,organizationId\n");
        String unit = uuid(seed + ":unit:1");
        for (int i = 0; i < rows; i++) {
            csv.append("导入").append(name2()).append(',').append(idNumber(offset + i)).append(",1390000").append(String.format("%04d", i % 10000))
                    .append(",COURIER,顺丰速运,").append(unit).append('\n');
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/member-imports"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            return "\"import refused: " + r.statusCode() + "\"";
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        id.find();
        String job = id.group(1);
        String body = "";
        for (int i = 0; i < 3600; i++) {
            body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/member-imports/" + job)).header("Authorization", "Bearer " + staff)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"DONE\"") || body.contains("\"COMPLETED\"") || body.contains("\"FAILED\"")) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Matcher imported = Pattern.compile("\"imported\"\\s*:\\s*(\\d+)").matcher(body);
        long done = imported.find() ? Long.parseLong(imported.group(1)) : -1;
        return String.format("%.0f", done / seconds);
    }

    /** Valid resident ID numbers (GB 11643 check digit) for the import, region 210100, born 1990. */
    static String idNumber(int i) {
        String first17 = "2101001990" + String.format("%02d%02d", 1 + (i / 28) % 12, 1 + i % 28) + String.format("%03d", (i / 336) % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * w[k];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String uuid(String text) {
        String hex;
        try {
            hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
