package org.unionhub.partner;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A partner's webhook endpoint in the test: a real HTTP server on a free loopback port, recording every request. */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived, and what it was answered. */
    public record Hit(String webhookId, String timestamp, String signature, String contentType, String body, int answered,
                      long receivedAtMillis) {
    }

    private static final Vertx VERTX = Vertx.vertx();

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> triesById = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, Integer> answer = (id, attempt) -> 204;

    private Receiver(HttpServer server) {
        this.server = server;
    }

    public static Receiver start() throws Exception {
        HttpServer server = VERTX.createHttpServer();
        Receiver r = new Receiver(server);
        server.requestHandler(req -> req.body().onSuccess(body -> {
            String id = req.getHeader("webhook-id");
            int attempt = r.triesById.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
            int status = r.answer.apply(id, attempt);
            r.hits.add(new Hit(id, req.getHeader("webhook-timestamp"), req.getHeader("webhook-signature"),
                    req.getHeader("content-type"), body.toString(java.nio.charset.StandardCharsets.UTF_8), status, System.currentTimeMillis()));
            req.response().setStatusCode(status).end();
        }));
        CompletableFuture<HttpServer> listening = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture();
        listening.get(10, TimeUnit.SECONDS);
        return r;
    }

    /** The status to answer, given how many times this webhook-id has arrived (1 for the first). */
    public Receiver answering(Function<Integer, Integer> byAttempt) {
        this.answer = (id, attempt) -> byAttempt.apply(attempt);
        return this;
    }

    /** The status to answer, given the webhook-id and how many times it has arrived. */
    public Receiver answering(BiFunction<String, Integer, Integer> byIdAndAttempt) {
        this.answer = byIdAndAttempt;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks";
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<Hit> hits(String webhookId) {
        return hits.stream().filter(h -> webhookId.equals(h.webhookId())).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
