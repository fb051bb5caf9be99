package org.unionhub.gateway.me;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.gateway.GatewayConfig;
import org.unionhub.gateway.edge.EdgeRouter;
import org.unionhub.gateway.problem.Problems;
import org.unionhub.gateway.routing.Upstream;
import org.unionhub.gateway.routing.Upstreams;
import org.unionhub.platform.time.BusinessClock;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The app's personal view: one call instead of seven, assembled at the edge from the services'
 * own endpoints with the member's own token, so each service still decides what he may see.
 * The edge (EdgeRouter) has verified the token and the member role before this runs.
 */
@Path("/api/v1/me")
@Tag(name = "Me", description = "The mobile app's personal view, assembled by the gateway")
public class MeResource {

    private static final String ME_EXAMPLE = """
            {"memberId":"6f1c2a4e-3b7d-4e8a-9c1f-2d3e4f5a6b7c",
             "profile":{"name":"张三","residentIdNumber":"110***********1234","status":"ACTIVE"},
             "organization":{"name":"朝阳区快递行业工会"},
             "cards":{"items":[]},"savings":{"year":2026,"total":"320.00"},"honors":{"items":[]},
             "upcomingBookings":{"items":[]},"openApplications":{"items":[]},
             "relief":{"received":"33.96","pending":"0.00","items":[]},"openDemands":{"items":[]},
             "competitionResults":null,"unavailable":["competitionResults"]}""";

    @Inject
    Upstreams upstreams;
    @Inject
    GatewayConfig config;
    @Inject
    BusinessClock clock;

    private record Part(String name, String path) {
    }

    @GET
    @Produces("application/json")
    @Operation(summary = "My profile (masked), organization, cards, this year's savings, honors, upcoming bookings, "
            + "open assistance applications and competition results in one answer. Role: member. Parts whose "
            + "service is down or slow are null and listed under 'unavailable'.")
    @APIResponse(responseCode = "200", description = "the view; never a 500 for a failing service",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "one service down", value = ME_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "the token is not a member's")
    public Uni<Response> me(RoutingContext ctx) {
        JsonWebToken jwt = ctx.get(EdgeRouter.JWT);
        UUID memberId = memberId(jwt);
        if (memberId == null) {
            return Uni.createFrom().item(problem(403, "forbidden", "Forbidden", "the token names no member", ctx));
        }
        String m = "/api/v1/members/" + memberId;
        int year = clock.year();
        List<Part> parts = List.of(
                new Part("profile", m),
                new Part("cards", m + "/cards"),
                new Part("savings", m + "/savings?year=" + year),
                new Part("honors", m + "/honors"),
                new Part("upcomingBookings", m + "/bookings?upcoming=true"),
                new Part("openApplications", m + "/applications?open=true"),
                new Part("relief", m + "/relief?year=" + year),
                new Part("openDemands", m + "/demands?open=true"),
                new Part("competitionResults", m + "/competition-results"));
        long timeout = config.me().timeout().toMillis();
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        Map<String, Future<Object>> calls = new LinkedHashMap<>();
        for (Part p : parts) {
            calls.put(p.name(), getJson(ctx, p.path(), timeout));
        }
        // the organization's name needs the profile first; it gets what is left of the budget
        Future<Object> organization = calls.get("profile").compose(profile -> {
            String orgId = profile instanceof JsonObject o ? o.getString("organizationId") : null;
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (orgId == null || left <= 0) {
                return Future.failedFuture("no organization");
            }
            return getJson(ctx, "/api/v1/organizations/" + URLEncoder.encode(orgId, StandardCharsets.UTF_8), left);
        });
        List<Future<Object>> all = new ArrayList<>(calls.values());
        all.add(organization);
        Future<Response> view = Future.join(new ArrayList<>(all)).transform(done -> {
            JsonObject body = new JsonObject().put("memberId", memberId.toString());
            JsonArray unavailable = new JsonArray();
            calls.forEach((name, f) -> put(body, unavailable, name, f));
            put(body, unavailable, "organization", organization);
            body.put("unavailable", unavailable);
            return Future.succeededFuture(Response.ok(body.encode(), "application/json").build());
        });
        return Uni.createFrom().completionStage(view.toCompletionStage());
    }

    private static void put(JsonObject body, JsonArray unavailable, String name, Future<Object> f) {
        if (f.succeeded()) {
            Object v = f.result();
            body.put(name, name.equals("profile") && v instanceof JsonObject o ? Masking.mask(o) : v);
        } else {
            body.putNull(name);
            unavailable.add(name);
        }
    }

    @GET
    @Path("/nearby")
    @Produces("application/json")
    @Operation(summary = "Venues near me: the venue search with the member's default radius. Role: member.")
    @APIResponse(responseCode = "200", description = "the venue service's search result")
    @APIResponse(responseCode = "400", description = "lat or lon missing or out of range")
    public Uni<Response> nearby(RoutingContext ctx,
                                @Parameter(description = "latitude (WGS-84)", example = "39.9087") @QueryParam("lat") String lat,
                                @Parameter(description = "longitude (WGS-84)", example = "116.3975") @QueryParam("lon") String lon) {
        Double la = coordinate(lat, 90);
        Double lo = coordinate(lon, 180);
        if (la == null || lo == null) {
            String field = la == null ? "lat" : "lon";
            Response bad = Response.status(400).type(Problems.CONTENT_TYPE).entity(
                    Problems.problem("validation", "Invalid request", 400, field + " must be a number within range", ctx.request().path())
                            .put("errors", new JsonArray().add(new JsonObject().put("field", field).put("message", "must be a number within range")))
                            .encode()).build();
            return Uni.createFrom().item(bad);
        }
        String path = "/api/v1/venues?near=" + la + "," + lo + "&radiusKm="
                + java.math.BigDecimal.valueOf(config.me().nearbyRadiusKm()).stripTrailingZeros().toPlainString();
        Upstream venue = upstreams.forPath("/api/v1/venues").orElseThrow();
        Future<Response> answer = call(ctx, venue, path, venue.timeoutMs())
                .map(r -> Response.status(r.status()).type(r.contentType() == null ? "application/json" : r.contentType())
                        .entity(r.body().getBytes()).build())
                .recover(e -> {
                    int status = Upstream.statusFor(e);
                    return Future.succeededFuture(problem(status, status == 504 ? "gateway-timeout" : status == 503 ? "service-unavailable" : "bad-gateway",
                            status == 504 ? "Gateway Timeout" : status == 503 ? "Service Unavailable" : "Bad Gateway",
                            "the venue service did not answer", ctx));
                });
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private static Double coordinate(String s, double bound) {
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) && Math.abs(d) <= bound ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Answer(int status, String contentType, Buffer body) {
    }

    /** A 2xx JSON answer of the owning service, or a failure (non-2xx, unreachable, late). */
    private Future<Object> getJson(RoutingContext ctx, String path, long timeoutMs) {
        Upstream upstream = upstreams.forPath(path.contains("?") ? path.substring(0, path.indexOf('?')) : path).orElse(null);
        if (upstream == null) {
            return Future.failedFuture("no route for " + path);
        }
        return call(ctx, upstream, path, timeoutMs).compose(a -> {
            if (a.status() / 100 != 2) {
                return Future.failedFuture(upstream.name() + " answered " + a.status());
            }
            return Future.succeededFuture(a.body().toJsonValue());
        });
    }

    private Future<Answer> call(RoutingContext ctx, Upstream upstream, String path, long timeoutMs) {
        MultiMap in = ctx.request().headers();
        return upstream.guarded(() -> upstreams.client().request(upstream.options(HttpMethod.GET, path, timeoutMs))
                .compose(req -> {
                    copy(in, req.headers(), "Authorization");
                    copy(in, req.headers(), EdgeRouter.REQUEST_ID);
                    copy(in, req.headers(), EdgeRouter.TRACEPARENT);
                    copy(in, req.headers(), "Accept-Language");
                    req.putHeader("Accept", "application/json");
                    return req.send().compose(resp -> resp.body()
                            .map(b -> new Answer(resp.statusCode(), resp.getHeader("Content-Type"), b)));
                }));
    }

    private static void copy(MultiMap from, MultiMap to, String name) {
        String v = from.get(name);
        if (v != null) {
            to.set(name, v);
        }
    }

    private static UUID memberId(JsonWebToken jwt) {
        if (jwt == null) {
            return null;
        }
        Object claim = jwt.getClaim("memberId");
        if (claim == null) {
            return null;
        }
        try {
            String s = claim.toString();
            if (s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response problem(int status, String slug, String title, String detail, RoutingContext ctx) {
        return Response.status(status).type(Problems.CONTENT_TYPE)
                .entity(Problems.problem(slug, title, status, detail, ctx.request().path()).encode()).build();
    }
}
