package org.unionhub.gateway.docs;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.unionhub.gateway.GatewayConfig;
import org.unionhub.gateway.routing.Upstream;
import org.unionhub.gateway.routing.Upstreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET /openapi: the services' OpenAPI documents and the gateway's own, merged, fetched from each
 * service's URL at start and again every {@code gateway.docs.refresh} (a service that is down keeps
 * its last document, or is named under info.x-unavailable). GET /asyncapi: the topics partners
 * consume, from the services' event schemas (see {@link AsyncApi}).
 */
@ApplicationScoped
public class ApiDocuments {

    private static final Logger LOG = Logger.getLogger(ApiDocuments.class);

    @Inject
    Vertx vertx;
    @Inject
    Upstreams upstreams;
    @Inject
    GatewayConfig config;

    private final Map<String, JsonObject> latest = new ConcurrentHashMap<>();
    private volatile JsonObject merged;
    private volatile JsonObject asyncApi;
    private long timer = -1;

    void install(@Observes Router router) {
        router.get("/openapi").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::openapi);
        router.get("/openapi.json").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::openapi);
        router.get("/asyncapi").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::asyncapi);
        router.get("/asyncapi.json").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::asyncapi);
        long every = Math.max(200, config.docs().refresh().toMillis());
        vertx.setTimer(100, t -> refresh());
        timer = vertx.setPeriodic(every, t -> refresh());
    }

    void stop(@Observes ShutdownEvent e) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void openapi(RoutingContext ctx) {
        JsonObject doc = merged;
        if (doc == null) {
            refresh().onComplete(x -> ctx.response().putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-cache").end(merged.encode()));
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(doc.encode());
    }

    private void asyncapi(RoutingContext ctx) {
        if (asyncApi == null) {
            asyncApi = AsyncApi.build(AsyncApi.class.getClassLoader());
        }
        ctx.response().putHeader("Content-Type", "application/json").end(asyncApi.encode());
    }

    /** Fetches every document again and rebuilds the merged one. */
    public Future<Void> refresh() {
        List<Future<?>> calls = new ArrayList<>();
        for (Upstream u : upstreams.all().values()) {
            calls.add(fetch(u.name(), u.options(HttpMethod.GET, openapiPathOf(u.name()), 3_000)));
        }
        RequestOptions own = new RequestOptions().setHost("127.0.0.1").setPort(ownPort())
                .setMethod(HttpMethod.GET).setURI("/q/openapi?format=json").setIdleTimeout(3_000).setConnectTimeout(1_000);
        calls.add(fetch("gateway", own));
        return Future.join(calls).transform(x -> {
            List<OpenApiMerge.Source> sources = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            JsonObject gateway = latest.get("gateway");
            if (gateway != null) {
                sources.add(new OpenApiMerge.Source("gateway", gateway, p -> p.startsWith("/api/v1/me")));
            }
            // by name, so that the document (and which of two equal schema names is renamed) is stable
            for (Upstream u : upstreams.all().values().stream().sorted(java.util.Comparator.comparing(Upstream::name)).toList()) {
                JsonObject doc = latest.get(u.name());
                if (doc == null) {
                    missing.add(u.name());
                } else {
                    sources.add(new OpenApiMerge.Source(u.name(), doc,
                            p -> upstreams.forPath(p).map(o -> o.name().equals(u.name())).orElse(false)));
                }
            }
            LOG.debugf("API documents merged; missing: %s", missing);
            merged = OpenApiMerge.merge("UnionHub API", "1.0.0", sources, missing, config.docs().serverUrl().orElse("/"));
            return Future.succeededFuture();
        });
    }

    private String openapiPathOf(String service) {
        GatewayConfig.Service s = config.services().get(service);
        return s == null ? "/q/openapi?format=json" : s.openapiPath();
    }

    private Future<Void> fetch(String name, RequestOptions options) {
        return upstreams.client().request(options)
                .compose(req -> req.putHeader("Accept", "application/json").send())
                .compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() == 200) {
                        latest.put(name, b.toJsonObject());
                    } else {
                        LOG.debugf("API document of %s: status %d", name, resp.statusCode());
                    }
                    return (Void) null;
                }))
                .otherwise(e -> {
                    LOG.debugf("no API document from %s: %s", name, e.toString());
                    return null;
                });
    }

    private static int ownPort() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
    }
}
