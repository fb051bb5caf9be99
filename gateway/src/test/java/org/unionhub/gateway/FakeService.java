package org.unionhub.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A real HTTP server standing in for a UnionHub service: it answers with a JSON echo of what it
 * received (or what a test tells it to), and can hang, drop connections or be stopped and started
 * again on the same port.
 */
public final class FakeService {

    public enum Mode { ECHO, HANG, DROP }

    private final Vertx vertx;
    private final String name;
    private int port;
    private HttpServer server;
    private volatile Mode mode = Mode.ECHO;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicReference<Map<String, String>> lastHeaders = new AtomicReference<>(Map.of());
    private final AtomicReference<String> lastUri = new AtomicReference<>();
    private final Map<String, Consumer<HttpServerRequest>> answers = new ConcurrentHashMap<>();

    FakeService(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
    }

    public synchronized FakeService start() {
        try {
            server = vertx.createHttpServer().requestHandler(this::handle)
                    .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            port = server.actualPort();
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("fake " + name + " did not start", e);
        }
    }

    public synchronized void stop() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Answers requests whose path (no query) starts with {@code pathPrefix} with {@code answer}. */
    public void answer(String pathPrefix, Consumer<HttpServerRequest> answer) {
        answers.put(pathPrefix, answer);
    }

    public void reset() {
        mode = Mode.ECHO;
        answers.clear();
    }

    public int received() {
        return received.get();
    }

    public Map<String, String> lastHeaders() {
        return lastHeaders.get();
    }

    public String lastUri() {
        return lastUri.get();
    }

    private void handle(HttpServerRequest req) {
        if (req.path().startsWith("/api/")) {
            // API calls only: the gateway's periodic fetch of /q/openapi must not disturb the counts
            received.incrementAndGet();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            req.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            lastHeaders.set(headers);
            lastUri.set(req.uri());
        }
        switch (mode) {
            case HANG -> {
                // answers long after any gateway timeout, so the gateway's own timer must fire
                vertx.setTimer(30_000, t -> {
                    if (!req.response().ended() && !req.response().closed()) {
                        req.response().end();
                    }
                });
                return;
            }
            case DROP -> {
                req.connection().close();
                return;
            }
            default -> {
            }
        }
        for (Map.Entry<String, Consumer<HttpServerRequest>> a : answers.entrySet()) {
            if (req.path().startsWith(a.getKey())) {
                a.getValue().accept(req);
                return;
            }
        }
        req.body().onSuccess(body -> req.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Server", "fake/1.0")
                .end(new JsonObject()
                        .put("service", name)
                        .put("method", req.method().name())
                        .put("uri", req.uri())
                        .put("bodyLength", body.length())
                        .put("text", "工会会员服务")
                        .encode()));
    }
}
