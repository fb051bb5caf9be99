package org.unionhub.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.gateway.GatewayConfig;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "GET and HEAD are retried once, and only when the connection could not be made": a real
 * {@link Upstream} proxy between a real front server and a real upstream server that is not
 * listening yet when the gateway first tries to connect (the kernel refuses the connection) and
 * starts listening, on the same port, right after that refusal.
 */
class UpstreamRetryTest {

    private Vertx vertx;
    private HttpServer front;
    private HttpServer upstreamServer;
    private int upstreamPort;
    private Upstream upstream;
    /** connection attempts the gateway made towards the service (calls to HttpClient.request) */
    private final AtomicInteger attempts = new AtomicInteger();
    /** requests that reached the service */
    private final AtomicInteger received = new AtomicInteger();
    private final java.net.http.HttpClient caller = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        try (ServerSocket s = new ServerSocket(0)) {
            upstreamPort = s.getLocalPort(); // closed again: nothing listens there until startUpstream()
        }
        HttpClient real = vertx.createHttpClient();
        HttpClient counting = (HttpClient) Proxy.newProxyInstance(HttpClient.class.getClassLoader(),
                new Class<?>[]{HttpClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("request") && args != null && args.length == 1
                            && args[0] instanceof RequestOptions) {
                        attempts.incrementAndGet();
                        Future<?> attempt = real.request((RequestOptions) args[0]);
                        // the service comes up right after the gateway's first connection was refused
                        return attempt.recover(e -> upstreamServer == null
                                ? startUpstream().compose(x -> Future.failedFuture(e))
                                : Future.failedFuture(e));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        upstream = new Upstream("assistance", service("http://127.0.0.1:" + upstreamPort), breaker(), 1024, () -> counting);
        front = vertx.createHttpServer().requestHandler(req -> upstream.proxy().handle(req))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Future<HttpServer> startUpstream() {
        return vertx.createHttpServer().requestHandler(req -> {
                    received.incrementAndGet();
                    if (req.path().startsWith("/api/v1/unavailable")) {
                        req.response().setStatusCode(503).putHeader("Content-Type", "application/json").end("{\"down\":true}");
                    } else if (req.path().startsWith("/api/v1/drop")) {
                        req.connection().close();
                    } else {
                        req.body().onSuccess(b -> req.response().putHeader("Content-Type", "application/json")
                                .end("{\"method\":\"" + req.method() + "\"}"));
                    }
                })
                .listen(upstreamPort, "127.0.0.1")
                .onSuccess(s -> upstreamServer = s);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = method.equals("POST")
                ? HttpRequest.BodyPublishers.ofString("{\"amount\":\"100.00\"}") : HttpRequest.BodyPublishers.noBody();
        return caller.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.actualPort() + path))
                        .timeout(Duration.ofSeconds(10)).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGetIsRetriedOnANewConnectionWhenTheFirstIsRefused() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/programs");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"method\":\"GET\"}");
        assertThat(attempts.get()).as("connection attempts: refused, then retried").isEqualTo(2);
        assertThat(received.get()).as("the service saw the GET once").isEqualTo(1);
        assertThat(upstream.breaker().state()).isEqualTo(Breaker.State.CLOSED);
    }

    @Test
    void aPostIsNeverRetriedEvenWhenNothingReachedTheService() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/applications");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("service-unavailable");
        assertThat(attempts.get()).as("one attempt only").isEqualTo(1);
        assertThat(received.get()).isZero();

        // the service is up now: the next POST goes through, once
        assertThat(send("POST", "/api/v1/applications").statusCode()).isEqualTo(200);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(received.get()).isEqualTo(1);
    }

    @Test
    void aGetThatGotAnHttpAnswerIsNotRetried() throws Exception {
        startUpstream().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        HttpResponse<String> unavailable = send("GET", "/api/v1/unavailable");
        assertThat(unavailable.statusCode()).as("the service's own 503 is passed on").isEqualTo(503);
        assertThat(unavailable.body()).isEqualTo("{\"down\":true}");
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(received.get()).isEqualTo(1);

        // connected, then the service dropped the connection: it may have acted; not retried either
        HttpResponse<String> dropped = send("GET", "/api/v1/drop");
        assertThat(dropped.statusCode()).isEqualTo(502);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(received.get()).isEqualTo(2);
    }

    private static GatewayConfig.Service service(String url) {
        return new GatewayConfig.Service() {
            public String url() {
                return url;
            }

            public List<String> routes() {
                return List.of("/api/v1");
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            public String openapiPath() {
                return "/q/openapi";
            }
        };
    }

    private static GatewayConfig.Breaker breaker() {
        return new GatewayConfig.Breaker() {
            public int requestVolume() {
                return 10;
            }

            public double failureRatio() {
                return 0.5;
            }

            public Duration delay() {
                return Duration.ofSeconds(10);
            }

            public int successThreshold() {
                return 2;
            }
        };
    }
}
