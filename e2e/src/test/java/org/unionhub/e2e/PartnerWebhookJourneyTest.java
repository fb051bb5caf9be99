package org.unionhub.e2e;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.e2e.Suite.admin;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.joinBody;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.staff;

/**
 * An insurer running the county's mutual aid is a partner of the county federation without personal data: it
 * subscribes a webhook through the gateway, and when a truck driver joins a union of the county, a correctly signed
 * member.joined reaches its endpoint (Standard Webhooks), carrying his member id but neither his name nor his ID
 * number; a driver joining in another county never reaches it.
 */
class PartnerWebhookJourneyTest {

    private static final String JOINED = "org.unionhub.membership.member.joined.v1";

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String path, Map<String, String> headers, byte[] body) {
        JsonPath json() {
            return JsonPath.from(new String(body, StandardCharsets.UTF_8));
        }

        String memberId() {
            return json().getString("data.memberId");
        }
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            for (String h : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
                headers.put(h, exchange.getRequestHeaders().getFirst(h));
            }
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void theInsurersWebhookGetsTheCountysJoinsSignedAndWithoutPersonalData() throws Exception {
        UUID county = org("绥中县总工会", "FEDERATION_COUNTY", null);
        UUID trucks = org("绥中县大货车行业联合工会", "INDUSTRY_JOINT", county);
        UUID otherCounty = org("兴城市总工会", "FEDERATION_COUNTY", null);

        String partnerToken = partnerToken("互助保险", county);
        Response subscribed = subscribe(partnerToken, "/hooks");
        String subscription = subscribed.path("id");
        String secret = subscribed.path("secret");
        assertThat(secret).startsWith("whsec_");

        // a second partner, of the other county only: when its webhook has the other county's join, partner-service has
        // routed that event (one transaction routes an event to every partner), so the insurer's absence is final
        subscribe(partnerToken("兴城数据平台", otherCounty), "/sentinel");

        // outside the insurer's subtree first, then inside
        String outsideId = as(staff(otherCounty)).body(joinBody("刘振华", idNumber(), otherCounty, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        String idNumber = idNumber();
        String driver = as(staff(county)).body(joinBody("王建国", idNumber, trucks, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");

        Received hook = Suite.eventually(30, () -> received.stream()
                .filter(r -> r.path().equals("/hooks") && driver.equals(r.memberId())).findFirst().orElse(null),
                java.util.Objects::nonNull);
        JsonPath event = hook.json();
        assertThat(event.getString("type")).isEqualTo(JOINED);
        assertThat(hook.headers().get("webhook-id")).isEqualTo(event.getString("id"));
        assertThat(signatures(hook)).contains(sign(secret, hook));
        String raw = new String(hook.body(), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("王建国").doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 14));

        // the other county's join reached the other county's partner, and never the insurer
        Suite.eventually(30, () -> received.stream().anyMatch(r -> r.path().equals("/sentinel") && outsideId.equals(r.memberId())),
                Boolean::booleanValue);
        assertThat(received).noneMatch(r -> r.path().equals("/hooks") && outsideId.equals(r.memberId()));
        // and its delivery log, read through the gateway with its own token, says delivered at the first attempt
        Response log = as(partnerToken).get("/api/v1/webhook-subscriptions/" + subscription + "/deliveries");
        assertThat(log.statusCode()).as(log.asString()).isEqualTo(200);
        assertThat(log.jsonPath().getList("items.findAll { it.eventId == '" + event.getString("id") + "' }.status"))
                .containsExactly("DELIVERED");
    }

    /** A partner of {@code organization}'s subtree without personal data, registered by an admin; its token. */
    private static String partnerToken(String name, UUID organization) {
        String partner = as(admin()).body("{\"name\":\"" + name + "-" + Suite.suffix() + "\",\"contact\":\"ops@example.cn\","
                        + "\"allowedEventTypes\":[\"" + JOINED + "\"],\"organizationId\":\"" + organization
                        + "\",\"redaction\":\"NO_PERSONAL_DATA\"}")
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
        return org.unionhub.infra.DevTokens.sign(org.unionhub.infra.DevTokens
                .claims("partner-" + Suite.suffix(), java.util.Set.of("partner")).claim("partnerId", partner));
    }

    private Response subscribe(String partnerToken, String path) {
        Response subscribed = as(partnerToken).body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + path + "\","
                        + "\"eventTypes\":[\"" + JOINED + "\"]}")
                .post("/api/v1/webhook-subscriptions");
        assertThat(subscribed.statusCode()).as(subscribed.asString()).isEqualTo(201);
        return subscribed;
    }

    private static List<String> signatures(Received r) {
        return Arrays.asList(r.headers().get("webhook-signature").split(" "));
    }

    /** Standard Webhooks: v1,base64(HMAC-SHA256(secret, id "." timestamp "." body)). */
    private static String sign(String secret, Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((r.headers().get("webhook-id") + "." + r.headers().get("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
    }
}
