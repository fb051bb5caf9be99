package org.unionhub.gateway.badinput;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unionhub.gateway.FakeServices;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.fuzz.BadInputCampaign;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input through the gateway (issue 16): every operation the services declare in docs/security.md, sent
 * to the gateway in front of its upstream stand-ins, plus the gateway's own "me" operations from its /openapi. What
 * the gateway refuses itself (bodies over its limit, junk paths, unknown routes, limits) must be problem+json and
 * never a 5xx; what it lets through reaches the stand-in.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class GatewayBadInputTest {

    static final int CASES = Integer.getInteger("unionhub.bad-input.cases", 2_100);
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z]+) (/api/v1/[^`]+)` \\|");

    @TestHTTPResource("/")
    URI base;

    @Test
    void generatedBadInputThroughTheGatewayNeverAnswers5xx() throws Exception {
        BadInputCampaign campaign = BadInputCampaign.forService("gateway").forwardsBodies()
                .baseUri(base)
                .openApiPath("/openapi")
                .include(key -> key.matches("[A-Z]+ /api/v1/me(/.*)?"))
                .cases(CASES)
                .queryValue("lat", "39.9087")
                .queryValue("lon", "116.3975")
                .token(new RotatingTokens());
        Set<String> operations = serviceOperations();
        assertThat(operations).as("operations read from docs/security.md").hasSizeGreaterThan(100);
        for (String op : operations) {
            campaign.operation(op, op.startsWith("GET ") || op.startsWith("DELETE ") ? null
                    : "{\"name\":\"绥中县总工会\",\"memberId\":\"" + UUID.randomUUID() + "\",\"amount\":\"30.00\",\"year\":2024}");
        }
        campaign.verify();
    }

    /**
     * A fresh subject every few hundred calls, so that the per-caller rate limits (1,200 a minute, 30 for imports) do
     * not turn most cases into 429s; a member for the "me" view, an admin elsewhere.
     */
    static final class RotatingTokens implements java.util.function.Function<String, String> {
        private final AtomicInteger calls = new AtomicInteger();
        private String admin;
        private String member;

        @Override
        public String apply(String key) {
            if (calls.getAndIncrement() % 25 == 0) {
                admin = DevTokens.role("admin");
                member = DevTokens.member(UUID.randomUUID());
            }
            return key.startsWith("GET /api/v1/me") ? member : admin;
        }
    }

    /** METHOD and path of every row of the services' tables in docs/security.md (the gateway routes them all). */
    private static Set<String> serviceOperations() throws Exception {
        Path doc = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && doc == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/security.md");
            doc = Files.isRegularFile(candidate) ? candidate : null;
        }
        assertThat(doc).as("docs/security.md").isNotNull();
        Set<String> out = new LinkedHashSet<>();
        boolean inGateway = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.startsWith("<!-- access-matrix:")) {
                inGateway = line.contains(":gateway ");
            }
            Matcher r = ROW.matcher(line);
            if (!inGateway && r.find()) {
                out.add(r.group(1) + " " + r.group(2));
            }
        }
        return out;
    }
}
