package org.unionhub.gateway.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.gateway.FakeServices;
import org.unionhub.gateway.GatewayConfig;
import org.unionhub.gateway.routing.PublicRoutes;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.Caller;
import org.unionhub.infra.access.CallerTokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own operations (the "me" view) in the access matrix, read from the aggregated
 * /openapi; the services' operations in that document are their own matrices'. Plus what is public
 * at the edge without being an operation of the document (the documents, health), and the
 * gateway's public-route list against the rules the services declare in docs/security.md.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class GatewayAccessMatrixTest {

    private static final Pattern OWN = Pattern.compile("[A-Z]+ /api/v1/me(/.*)?");

    @Inject
    GatewayConfig config;

    @Test
    void everyOperationOfTheGatewayFollowsItsDeclaredRule() {
        AccessMatrix m = AccessMatrix.forService("gateway")
                .openApiPath("/openapi")
                .include(key -> OWN.matcher(key).matches())
                .callers(CallerTokens.standard(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID(), UUID.randomUUID()));
        m.op("GET /api/v1/me")
                .rule("a member: his own view, assembled with his own token (the services decide each part)")
                .allow(Caller.SELF, Caller.OTHER_MEMBER);
        m.op("GET /api/v1/me/nearby")
                .query("lat", "39.9087").query("lon", "116.3975")
                .rule("a member; the venue search with his default radius")
                .allow(Caller.SELF, Caller.OTHER_MEMBER);
        m.verify();
    }

    @Test
    void theDocumentsAndHealthArePublicAndNothingElseOfTheGatewayIs() {
        for (String path : List.of("/openapi", "/openapi.json", "/asyncapi", "/asyncapi.json", "/q/health/ready")) {
            given().get(path).then().statusCode(200);
        }
        given().redirects().follow(true).get("/swagger-ui/").then().statusCode(200);
        // a path no service owns is refused before anything else
        given().get("/api/v1/no-such-thing").then().statusCode(404);
    }

    /**
     * {@code gateway.public-routes} lets anonymous calls through to a service. Every operation a
     * service declares open to anonymous callers must be on it (else the edge refuses what the
     * service allows), and it may hold only reads.
     */
    @Test
    void thePublicRoutesCoverWhatTheServicesDeclarePublicAndOnlyReads() throws Exception {
        PublicRoutes publicRoutes = new PublicRoutes(config.publicRoutes());
        List<String> problems = new ArrayList<>();
        for (String entry : config.publicRoutes()) {
            String method = entry.trim().split("\\s+")[0];
            if (!method.equals("GET")) {
                problems.add("gateway.public-routes holds '" + entry + "': only reads may be public");
            }
        }
        // the gateway's own operations: none is public (the matrix above declares them)
        for (String own : List.of("GET /api/v1/me", "GET /api/v1/me/nearby")) {
            String[] p = own.split(" ");
            if (publicRoutes.isPublic(p[0], p[1])) {
                problems.add("gateway.public-routes makes " + own + " public, which the matrix declares for members only");
            }
        }
        for (String[] op : anonymousOperationsOfTheServices()) {
            String concrete = op[1].replaceAll("\\{[^}]+}", "x");
            if (!publicRoutes.isPublic(op[0], concrete)) {
                problems.add(op[0] + " " + op[1] + " is open to anonymous callers in docs/security.md ("
                        + op[2] + ") but not in gateway.public-routes, so the edge would refuse it");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** METHOD, path, section of every row of the services' tables in docs/security.md whose anonymous cell is "yes". */
    private static List<String[]> anonymousOperationsOfTheServices() throws Exception {
        Path doc = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && doc == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/security.md");
            doc = Files.isRegularFile(candidate) ? candidate : null;
        }
        assertThat(doc).as("docs/security.md").isNotNull();
        List<String[]> out = new ArrayList<>();
        String section = null;
        Pattern begin = Pattern.compile("<!-- access-matrix:([a-z-]+) -->");
        Pattern row = Pattern.compile("^\\| `([A-Z]+) ([^`]+)` \\|.*?(?<!\\\\)\\| (yes|no|no \\(404\\)) \\|");
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            Matcher b = begin.matcher(line);
            if (b.find()) {
                section = b.group(1);
                continue;
            }
            if (line.startsWith("<!-- /access-matrix:")) {
                section = null;
                continue;
            }
            if (section == null || section.equals("gateway")) {
                continue;
            }
            Matcher r = row.matcher(line);
            if (r.find() && r.group(3).equals("yes")) {
                out.add(new String[]{r.group(1), r.group(2), section});
            }
        }
        return out;
    }
}
