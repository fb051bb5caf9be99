package org.unionhub.membership.imports;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Charsets, body limits and the bounded queue of POST /api/v1/member-imports (issue 16 item 4). */
@QuarkusTest
class MemberImportStreamingTest {

    static final Charset GBK = Charset.forName("GBK");

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void openTheGate() {
        ImportGate.open();
    }

    static String csv(TestData.Tree t, String region, String... names) {
        StringBuilder csv = new StringBuilder(MemberImportTest.HEADER);
        for (int i = 0; i < names.length; i++) {
            csv.append(names[i]).append(',').append(TestData.idNumber(region, i)).append(',').append(TestData.phone())
                    .append(",TRUCK_DRIVER,绥中县大货车行业联合工会,").append(t.leaf()).append('\n');
        }
        return csv.toString();
    }

    static List<String> namesIn(String staff, TestData.Tree t) {
        return given().auth().oauth2(staff).queryParam("organizationId", t.leaf().toString()).queryParam("limit", 50)
                .get("/api/v1/members").then().statusCode(200).extract().path("items.name");
    }

    @Test
    void aGbkFileIsReadWhenDeclaredOrDetectedAndChineseNamesArriveIntact() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.county());
        byte[] declared = csv(t, MemberImportTest.region(), "王师傅", "李快递", "张骑手").getBytes(GBK);
        String job = given().auth().oauth2(staff).contentType("text/csv; charset=GBK").body(declared)
                .post("/api/v1/member-imports").then().statusCode(202).body("charset", equalTo("GBK")).extract().path("id");
        MemberImportTest.awaitDone(staff, job, Duration.ofSeconds(60)).then().body("imported", equalTo(3)).body("failed", equalTo(0));

        // no charset declared (rest-assured adds ISO-8859-1, which counts as none): detected as GB18030
        byte[] detected = csv(t, MemberImportTest.region(), "赵师傅", "刘快递").getBytes(GBK);
        String second = given().auth().oauth2(staff).contentType("text/csv").body(detected)
                .post("/api/v1/member-imports").then().statusCode(202).body("charset", equalTo("GB18030")).extract().path("id");
        MemberImportTest.awaitDone(staff, second, Duration.ofSeconds(60)).then().body("imported", equalTo(2));

        assertThat(namesIn(staff, t)).containsExactlyInAnyOrder("王师傅", "李快递", "张骑手", "赵师傅", "刘快递");
    }

    @Test
    void aUtf8FileWithABomAndTheCharsetAsAQueryParameterAreRead() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.county());
        byte[] bom = ("\uFEFF" + csv(t, MemberImportTest.region(), "王师傅")).getBytes(StandardCharsets.UTF_8);
        String job = given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(bom)
                .post("/api/v1/member-imports").then().statusCode(202).extract().path("id");
        MemberImportTest.awaitDone(staff, job, Duration.ofSeconds(60)).then().body("imported", equalTo(1));
        byte[] gbk = csv(t, MemberImportTest.region(), "李快递").getBytes(GBK);
        String second = given().auth().oauth2(staff).contentType("text/csv").queryParam("charset", "gbk").body(gbk)
                .post("/api/v1/member-imports").then().statusCode(202).extract().path("id");
        MemberImportTest.awaitDone(staff, second, Duration.ofSeconds(60)).then().body("imported", equalTo(1));
        assertThat(namesIn(staff, t)).containsExactlyInAnyOrder("王师傅", "李快递");
    }

    @Test
    void invalidBytesAre400NamingTheLineAndNothingIsImported() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.county());
        byte[] good = csv(t, MemberImportTest.region(), "王师傅", "李快递").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 4];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xff;
        bad[good.length + 1] = (byte) 0xfe;
        bad[good.length + 2] = (byte) 0x80;
        bad[good.length + 3] = '\n';
        given().auth().oauth2(staff).contentType("text/csv").body(bad).post("/api/v1/member-imports").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("detail", containsString("line 4"));
        // declared UTF-8 but GBK bytes: refused, never stored as replacement characters
        given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(csv(t, MemberImportTest.region(), "王师傅").getBytes(GBK))
                .post("/api/v1/member-imports").then().statusCode(400).body("detail", containsString("line 2 is not UTF-8"));
        given().auth().oauth2(staff).contentType("text/csv").queryParam("charset", "Shift_JIS").body(good)
                .post("/api/v1/member-imports").then().statusCode(400).body("errors[0].field", equalTo("charset"));
        assertThat(namesIn(staff, t)).isEmpty();
    }

    @Test
    void theLargeBodyLimitHoldsOnlyOnTheImportRoute() throws Exception {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.county());
        // 2 MiB of blank lines after a header: over the 1 MiB limit of every other endpoint, fine for the import
        String blank = MemberImportTest.HEADER + "\n".repeat(2 * 1024 * 1024);
        given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(blank.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/member-imports").then().statusCode(202).body("totalRows", equalTo(0));
        given().auth().oauth2(staff).contentType("application/json").body("{\"name\":\"" + "王".repeat(700_000) + "\"}")
                .post("/api/v1/members").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/payload-too-large"));

        // a declared length over the import's own 64 MiB: refused when the headers arrive, before any body byte is sent
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/member-imports HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + staff
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + (64L * 1024 * 1024 + 1) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder got = new StringBuilder();
            byte[] buffer = new byte[1024];
            int n;
            while (!got.toString().contains("payload-too-large") && (n = in.read(buffer)) > 0) {
                got.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String response = got.toString();
            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("payload-too-large");
        }
    }

    @Test
    void whenTheWorkerAndTheQueueAreTakenAnUploadIs429WithRetryAfter() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.county());
        ImportGate.close();
        List<String> jobs = new ArrayList<>();
        // unionhub.import.workers=1 and unionhub.import.queue=4: five jobs are taken, the sixth is refused
        for (int i = 0; i < 5; i++) {
            jobs.add(given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8")
                    .body(csv(t, MemberImportTest.region(), "排队" + i)).post("/api/v1/member-imports")
                    .then().statusCode(202).extract().path("id"));
        }
        given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(csv(t, MemberImportTest.region(), "第六"))
                .post("/api/v1/member-imports").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        ImportGate.open();
        for (String job : jobs) {
            MemberImportTest.awaitDone(staff, job, Duration.ofSeconds(60)).then().body("imported", equalTo(1));
        }
        // places are given back: a new upload is taken again
        String after = given().auth().oauth2(staff).contentType("text/csv; charset=UTF-8").body(csv(t, MemberImportTest.region(), "第七"))
                .post("/api/v1/member-imports").then().statusCode(202).extract().path("id");
        MemberImportTest.awaitDone(staff, after, Duration.ofSeconds(60)).then().body("imported", equalTo(1));
    }
}
