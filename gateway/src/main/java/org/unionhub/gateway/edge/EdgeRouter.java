package org.unionhub.gateway.edge;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.unionhub.gateway.GatewayConfig;
import org.unionhub.gateway.limit.RateLimits;
import org.unionhub.gateway.problem.Problems;
import org.unionhub.gateway.routing.OperationPatterns;
import org.unionhub.gateway.routing.PublicRoutes;
import org.unionhub.gateway.routing.Upstream;
import org.unionhub.gateway.routing.Upstreams;
import org.unionhub.gateway.security.EdgeTokens;

import java.util.List;
import java.util.Set;

/**
 * The front door, as two Vert.x handlers ahead of everything else: correlation and security
 * headers for every exchange, then for /api/v1/** the token, the limits and the hand-over to the
 * owning service's reverse proxy (or to the gateway's own "me" resource).
 */
@ApplicationScoped
public class EdgeRouter {

    public static final String JWT = "unionhub.jwt";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    GatewayConfig config;
    @Inject
    Upstreams upstreams;
    @Inject
    EdgeTokens tokens;

    private PublicRoutes publicRoutes;
    private RateLimits limits;
    private ClientAddress clientAddress;
    private List<String> stripHeaders;
    private Set<String> knownRoles;
    private Set<String> readOnlyRoles;
    private OperationPatterns readOnlyRoleWrites;
    private long maxBody;

    void install(@Observes Router router) {
        publicRoutes = new PublicRoutes(config.publicRoutes());
        limits = RateLimits.from(config.rateLimits());
        clientAddress = new ClientAddress(config.trustedProxies().orElse(List.of()));
        stripHeaders = config.stripHeaders();
        knownRoles = Set.copyOf(config.knownRoles());
        readOnlyRoles = Set.copyOf(config.readOnlyRoles());
        readOnlyRoleWrites = new OperationPatterns(config.readOnlyRoleWrites().orElse(List.of()));
        maxBody = config.maxBodySize().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 20).handler(this::correlate);
        router.route("/api/v1/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10).handler(this::edge);
    }

    /** X-Request-Id and traceparent in both directions, security headers on every answer. */
    void correlate(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String requestId = Correlation.requestId(req.getHeader(REQUEST_ID));
        String traceparent = Correlation.traceparent(req.getHeader(TRACEPARENT));
        req.headers().set(REQUEST_ID, requestId);
        req.headers().set(TRACEPARENT, traceparent);
        boolean tls = req.isSSL() || "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
        HttpServerResponse resp = ctx.response();
        resp.headersEndHandler(v -> {
            resp.headers().set(REQUEST_ID, requestId);
            if (!resp.headers().contains(TRACEPARENT)) {
                resp.headers().set(TRACEPARENT, traceparent);
            }
            resp.headers().set("X-Content-Type-Options", "nosniff");
            resp.headers().set("X-Frame-Options", "DENY");
            resp.headers().set("Referrer-Policy", "no-referrer");
            if (tls) {
                resp.headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            compressJson(resp);
            resp.headers().remove("Server");
            resp.headers().remove("X-Powered-By");
        });
        ctx.next();
    }

    /**
     * Quarkus marks every answer "Content-Encoding: identity" unless a route asks for compression;
     * the proxied JSON answers ask here. An encoding the service already applied is kept.
     */
    private static void compressJson(HttpServerResponse resp) {
        List<String> encodings = resp.headers().getAll(HttpHeaders.CONTENT_ENCODING);
        if (!encodings.contains("identity")) {
            return;
        }
        for (String e : encodings) {
            if (!e.equals("identity")) {
                resp.headers().set(HttpHeaders.CONTENT_ENCODING, e);
                return;
            }
        }
        String type = resp.headers().get(HttpHeaders.CONTENT_TYPE);
        if (type != null && (type.startsWith("application/json") || type.startsWith("application/problem+json")
                || type.startsWith("text/"))) {
            resp.headers().remove(HttpHeaders.CONTENT_ENCODING);
        }
    }

    void edge(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String path = ctx.normalizedPath();
        if (!path.equals(req.path())) {
            // dot segments or doubled slashes could make a public prefix check and the service disagree
            Problems.send(ctx, "validation", "Invalid request", 400, "the path must be in normal form");
            return;
        }
        boolean me = path.equals("/api/v1/me") || path.startsWith("/api/v1/me/");
        Upstream upstream = me ? null : upstreams.forPath(path).orElse(null);
        if (!me && upstream == null) {
            Problems.send(ctx, "not-found", "Not Found", 404, "no service answers " + path);
            return;
        }
        for (String h : stripHeaders) {
            req.headers().remove(h);
        }

        JsonWebToken jwt = null;
        if (me || !publicRoutes.isPublic(req.method().name(), path)) {
            try {
                jwt = tokens.verify(req.getHeader(HttpHeaders.AUTHORIZATION));
            } catch (EdgeTokens.InvalidToken e) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"unionhub\"");
                Problems.send(ctx, "unauthenticated", "Unauthorized", 401, e.getMessage());
                return;
            }
            String refusal = refusal(jwt, req.method(), path, me);
            if (refusal != null) {
                Problems.send(ctx, "forbidden", "Forbidden", 403, refusal);
                return;
            }
        }

        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(ctx, "payload-too-large", "Payload Too Large", 413,
                    "the request body is larger than " + maxBody + " bytes");
            return;
        }

        String peer = peer(req);
        RateLimits.Decision d = jwt != null ? limits.take(path, jwt.getSubject(), false)
                : limits.take(path, clientAddress.of(peer, req.headers().getAll("X-Forwarded-For")), true);
        if (d != null) {
            HttpServerResponse resp = ctx.response();
            resp.putHeader("RateLimit-Limit", Long.toString(d.limit()));
            resp.putHeader("RateLimit-Remaining", Long.toString(d.remaining()));
            resp.putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
            if (!d.allowed()) {
                resp.putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
                Problems.send(ctx, "rate-limited", "Too Many Requests", 429,
                        "too many requests; try again in " + d.retryAfterSeconds() + " s");
                return;
            }
        }

        if (me) {
            ctx.put(JWT, jwt);
            ctx.next();
            return;
        }
        dropHeadersNamedByConnection(req.headers());
        String forwardedFor = req.getHeader("X-Forwarded-For");
        req.headers().set("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
        req.headers().set("X-Forwarded-Proto", req.isSSL() ? "https" : req.scheme() == null ? "http" : req.scheme());
        if (req.authority() != null) {
            req.headers().set("X-Forwarded-Host", req.authority().toString());
        }
        upstream.proxy().handle(req);
    }

    /**
     * The TCP peer, from the connection: the request's own remote address would be the one Quarkus
     * takes from X-Forwarded-For when quarkus.http.proxy.proxy-address-forwarding is on, from anyone.
     */
    private static String peer(HttpServerRequest req) {
        SocketAddress remote = req.connection() != null ? req.connection().remoteAddress() : req.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    /**
     * Headers the client names in {@code Connection} are for this hop only (RFC 9110 §7.6.1); the proxy
     * drops the fixed hop-by-hop set (Connection, Keep-Alive, TE, ...) but not these. The correlation
     * headers the gateway itself passes on are kept.
     */
    private static void dropHeadersNamedByConnection(MultiMap headers) {
        if (!headers.contains(HttpHeaders.CONNECTION)) {
            return;
        }
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String name : value.split(",")) {
                String n = name.trim();
                if (!n.isEmpty() && !n.equalsIgnoreCase(REQUEST_ID) && !n.equalsIgnoreCase(TRACEPARENT)) {
                    headers.remove(n);
                }
            }
        }
    }

    private String refusal(JsonWebToken jwt, HttpMethod method, String path, boolean me) {
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        if (groups.stream().noneMatch(knownRoles::contains)) {
            return "the token carries no UnionHub role";
        }
        if (me && !groups.contains("member")) {
            return "only a member has a personal view";
        }
        if (!READS.contains(method) && readOnlyRoles.containsAll(groups.stream().filter(knownRoles::contains).toList())
                && !readOnlyRoleWrites.matches(method.name(), path)) {
            return "this role may only read";
        }
        return null;
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
