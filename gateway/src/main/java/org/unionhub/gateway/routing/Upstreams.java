package org.unionhub.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.gateway.GatewayConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route table and one {@link Upstream} per configured service.
 *
 * <p>HTTP clients: one per event loop, created the first time that event loop calls a service.
 * A Vert.x client connection belongs to the event loop that opened it; with one shared pool, a call
 * received on one event loop was often sent on a connection of another, and every event of the
 * exchange (request head, answer head, body, end) crossed threads through a task queue and a wake-up.
 * With a client per event loop, an exchange stays on the thread that received it. Each client's
 * pool holds up to {@link #CONNECTIONS_PER_LOOP} connections per service.
 */
@ApplicationScoped
public class Upstreams {

    /** Per event loop and service; waiting calls queue up to {@link #WAIT_QUEUE_PER_LOOP}. */
    static final int CONNECTIONS_PER_LOOP = 100;
    static final int WAIT_QUEUE_PER_LOOP = 1000;

    private final Vertx vertx;
    private final HttpClient shared;
    private final Map<Thread, HttpClient> perLoop = new ConcurrentHashMap<>();
    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
    private final RouteTable table;

    @Inject
    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.shared = newClient();
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        config.services().forEach((name, service) -> {
            upstreams.put(name, new Upstream(name, service, config.breaker(), config.maxBodySize().asLongValue(), this::client));
            patterns.put(name, service.routes());
        });
        this.table = new RouteTable(patterns);
    }

    private HttpClient newClient() {
        return vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_LOOP).setMaxWaitQueueSize(WAIT_QUEUE_PER_LOOP));
    }

    public Optional<Upstream> forPath(String path) {
        return table.serviceFor(path).map(upstreams::get);
    }

    public Optional<Upstream> named(String name) {
        return Optional.ofNullable(upstreams.get(name));
    }

    public Map<String, Upstream> all() {
        return upstreams;
    }

    /** The HTTP client of the current event loop (a shared one off the event loops). */
    public HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        Thread t = Thread.currentThread();
        HttpClient c = perLoop.get(t);
        return c != null ? c : perLoop.computeIfAbsent(t, x -> newClient());
    }

    @PreDestroy
    void close() {
        perLoop.values().forEach(HttpClient::close);
        shared.close();
    }
}
