package org.unionhub.gateway.routing;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.unionhub.gateway.GatewayConfig;
import org.unionhub.gateway.problem.Problems;

import java.net.ConnectException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * One upstream service: the Vert.x reverse proxy towards it, its timeouts and its circuit breaker
 * (SmallRye Fault Tolerance). Failures become problem+json: 503 when the service cannot be reached
 * or its breaker is open, 504 when it stays silent past its timeout, 502 otherwise.
 */
public final class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);
    private static final String TOO_LARGE = "unionhub.tooLarge";

    private final String name;
    private final SocketAddress address;
    private final String baseUrl;
    private final long timeoutMs;
    private final long connectTimeoutMs;
    private final long breakerDelaySeconds;
    private final HttpProxy proxy;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;

    private final long maxBody;

    public Upstream(String name, GatewayConfig.Service service, GatewayConfig.Breaker breaker, long maxBody, HttpClient client) {
        this.maxBody = maxBody;
        this.name = name;
        URI uri = URI.create(service.url());
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        this.address = SocketAddress.inetSocketAddress(port, uri.getHost());
        this.baseUrl = service.url().endsWith("/") ? service.url().substring(0, service.url().length() - 1) : service.url();
        this.timeoutMs = service.timeout().toMillis();
        this.connectTimeoutMs = service.connectTimeout().toMillis();
        this.breakerDelaySeconds = Math.max(1, breaker.delay().toSeconds());
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() {
                })
                .withDescription("upstream " + name)
                .withCircuitBreaker()
                .name("upstream-" + name)
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                // a client's oversized body says nothing about the service's health
                .skipOn(LimitedBody.TooLarge.class)
                .onStateChange(s -> LOG.infof("circuit breaker of %s is now %s", name, s))
                .done()
                .withThreadOffload(false)
                .build();
        this.proxy = HttpProxy.reverseProxy(client)
                .origin(this::originRequest)
                .addInterceptor(new Guarded());
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpProxy proxy() {
        return proxy;
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    /** Options for any call to this service, with its timeouts. */
    public RequestOptions options(HttpMethod method, String uri, long timeoutMs) {
        return new RequestOptions().setServer(address).setHost(address.host()).setPort(address.port())
                .setMethod(method).setURI(uri)
                .setConnectTimeout(Math.min(connectTimeoutMs, timeoutMs)).setIdleTimeout(timeoutMs);
    }

    /** Runs any call to this service (the proxy's and the "me" view's) through its breaker. */
    public <T> Future<T> guarded(Vertx vertx, java.util.function.Supplier<Future<T>> call) {
        @SuppressWarnings("unchecked")
        TypedGuard<CompletionStage<T>> g = (TypedGuard<CompletionStage<T>>) (TypedGuard<?>) guard;
        CompletionStage<T> stage;
        try {
            stage = g.get(() -> call.get().toCompletionStage());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return Future.fromCompletionStage(stage, vertx.getOrCreateContext());
    }

    private Future<HttpClientRequest> originRequest(ProxyContext pc) {
        HttpMethod method = pc.request().getMethod();
        RequestOptions options = options(method, pc.request().getURI(), timeoutMs);
        Future<HttpClientRequest> request = pc.client().request(options);
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            // safe to repeat, and nothing reached the service: one more try on another connection
            request = request.recover(e -> isConnectFailure(e) ? pc.client().request(options) : Future.failedFuture(e));
        }
        return request;
    }

    /** Maps a failure talking to the service to a status and a problem slug. */
    public static int statusFor(Throwable e) {
        if (e instanceof CircuitBreakerOpenException || isConnectFailure(e)) {
            return 503;
        }
        if (e instanceof TimeoutException || (e.getCause() instanceof TimeoutException)) {
            return 504;
        }
        return 502;
    }

    static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t.getClass().getName().contains("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private final class Guarded implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext pc) {
            io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
            io.vertx.httpproxy.Body body = pc.request().getBody();
            if (body != null && body.length() < 0) {
                pc.request().setBody(io.vertx.httpproxy.Body.body(
                        new LimitedBody(body.stream(), maxBody, () -> pc.set(TOO_LARGE, Boolean.TRUE)), -1));
            }
            CompletionStage<ProxyResponse> stage;
            try {
                stage = guard.get(() -> pc.sendRequest()
                        .recover(e -> Future.failedFuture(pc.get(TOO_LARGE, Boolean.class) != null ? new LimitedBody.TooLarge() : e))
                        .toCompletionStage());
            } catch (RuntimeException e) {
                stage = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            Future<ProxyResponse> response = context != null ? Future.fromCompletionStage(stage, context) : Future.fromCompletionStage(stage);
            return response.recover(e -> Future.succeededFuture(failure(pc, e)));
        }

        private ProxyResponse failure(ProxyContext pc, Throwable e) {
            if (e instanceof LimitedBody.TooLarge || pc.get(TOO_LARGE, Boolean.class) != null) {
                String path = pc.request().proxiedRequest().path();
                return pc.request().release().response()
                        .setStatusCode(413)
                        .setStatusMessage("Payload Too Large")
                        .putHeader("Content-Type", Problems.CONTENT_TYPE)
                        .putHeader("Connection", "close")
                        .setBody(io.vertx.httpproxy.Body.body(Problems.body("payload-too-large", "Payload Too Large", 413,
                                "the request body is larger than " + maxBody + " bytes", path)));
            }
            int status = statusFor(e);
            String path = pc.request().proxiedRequest().path();
            String slug;
            String title;
            String detail;
            if (e instanceof CircuitBreakerOpenException) {
                slug = "service-unavailable";
                title = "Service Unavailable";
                detail = "the " + name + " service is failing; calls to it are paused for a moment";
            } else if (status == 503) {
                slug = "service-unavailable";
                title = "Service Unavailable";
                detail = "the " + name + " service cannot be reached";
            } else if (status == 504) {
                slug = "gateway-timeout";
                title = "Gateway Timeout";
                detail = "the " + name + " service did not answer within " + timeoutMs + " ms";
            } else {
                slug = "bad-gateway";
                title = "Bad Gateway";
                detail = "the " + name + " service failed to answer";
            }
            LOG.debugf("%s %s -> %d (%s)", pc.request().getMethod(), path, status, e.toString());
            ProxyResponse r = pc.request().release().response()
                    .setStatusCode(status)
                    .setStatusMessage(title)
                    .putHeader("Content-Type", Problems.CONTENT_TYPE)
                    .setBody(io.vertx.httpproxy.Body.body(Problems.body(slug, title, status, detail, path)));
            if (status == 503) {
                r.putHeader("Retry-After", Long.toString(e instanceof CircuitBreakerOpenException ? breakerDelaySeconds : 1));
            }
            return r;
        }
    }
}
