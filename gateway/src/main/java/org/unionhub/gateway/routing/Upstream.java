package org.unionhub.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;
import org.unionhub.gateway.GatewayConfig;
import org.unionhub.gateway.problem.Problems;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One upstream service: the Vert.x reverse proxy towards it, its timeouts and its circuit breaker
 * ({@link Breaker}). Calls to the service use the HTTP client of the event loop they run on
 * ({@link Upstreams#client()}), so a proxied exchange never changes thread. Failures become problem+json: 503 when the service cannot be reached
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
    private final Breaker breaker;
    private final Supplier<HttpClient> clients;

    private final long maxBody;

    /**
     * @param clients the HTTP client to use for a call, picked when the call is made (the one of
     *                the current event loop)
     */
    public Upstream(String name, GatewayConfig.Service service, GatewayConfig.Breaker breaker, long maxBody,
                    Supplier<HttpClient> clients) {
        this.clients = clients;
        this.maxBody = maxBody;
        this.name = name;
        URI uri = URI.create(service.url());
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        this.address = SocketAddress.inetSocketAddress(port, uri.getHost());
        this.baseUrl = service.url().endsWith("/") ? service.url().substring(0, service.url().length() - 1) : service.url();
        this.timeoutMs = service.timeout().toMillis();
        this.connectTimeoutMs = service.connectTimeout().toMillis();
        this.breakerDelaySeconds = Math.max(1, breaker.delay().toSeconds());
        this.breaker = new Breaker(name, breaker.requestVolume(), breaker.failureRatio(), breaker.delay().toNanos(),
                breaker.successThreshold(), System::nanoTime,
                state -> LOG.infof("circuit breaker of %s is now %s", name, state));
        // the proxy's own client is never used: originRequest asks for the current event loop's
        this.proxy = HttpProxy.reverseProxy(clients.get())
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

    public Breaker breaker() {
        return breaker;
    }

    /**
     * Runs any call to this service (the "me" view's; the proxy's go through {@link Guarded})
     * through its breaker: refused at once while it is open, and the outcome counted.
     */
    public <T> Future<T> guarded(Supplier<Future<T>> call) {
        if (!breaker.tryAcquire()) {
            return Future.failedFuture(breaker.openException());
        }
        Future<T> f;
        try {
            f = call.get();
        } catch (RuntimeException e) {
            breaker.onFailure();
            return Future.failedFuture(e);
        }
        return f.onComplete(ar -> {
            if (ar.succeeded()) {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        });
    }

    /**
     * The connection to the service for one proxied call. GET and HEAD are tried a second time,
     * on a new connection, when the first could not even be made (refused, connect timeout):
     * nothing reached the service, and the method is safe to repeat. Anything else, and any
     * failure once connected (dropped, timeout, an HTTP error status), is never retried.
     */
    Future<HttpClientRequest> originRequest(ProxyContext pc) {
        HttpMethod method = pc.request().getMethod();
        RequestOptions options = options(method, pc.request().getURI(), timeoutMs);
        HttpClient client = clients.get();
        Future<HttpClientRequest> request = client.request(options);
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            request = request.recover(e -> isConnectFailure(e) ? client.request(options) : Future.failedFuture(e));
        }
        return request;
    }

    /** Maps a failure talking to the service to a status and a problem slug. */
    public static int statusFor(Throwable e) {
        if (e instanceof Breaker.Open || isConnectFailure(e)) {
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
            if (!breaker.tryAcquire()) {
                return Future.succeededFuture(failure(pc, breaker.openException()));
            }
            ProxyRequest request = pc.request();
            Body body = request.getBody();
            if (body != null && body.length() < 0) {
                if (hasNoBody(request)) {
                    // RFC 9112 §6.3: neither Content-Length nor Transfer-Encoding, no body: end the
                    // upstream request at once instead of piping an empty stream into it
                    request.setBody(null);
                    request.proxiedRequest().resume();
                } else {
                    request.setBody(Body.body(
                            new LimitedBody(body.stream(), maxBody, () -> pc.set(TOO_LARGE, Boolean.TRUE)), -1));
                }
            }
            return pc.sendRequest().transform(ar -> {
                if (ar.succeeded()) {
                    breaker.onSuccess();
                    return Future.succeededFuture(ar.result());
                }
                Throwable e = pc.get(TOO_LARGE, Boolean.class) != null ? new LimitedBody.TooLarge() : ar.cause();
                if (e instanceof LimitedBody.TooLarge) {
                    // a client's oversized body says nothing about the service's health
                    breaker.onSuccess();
                } else {
                    breaker.onFailure();
                }
                return Future.succeededFuture(failure(pc, e));
            });
        }

        private static boolean hasNoBody(ProxyRequest request) {
            var in = request.proxiedRequest();
            return in.version() != HttpVersion.HTTP_2
                    && !in.headers().contains(io.vertx.core.http.HttpHeaders.CONTENT_LENGTH)
                    && !in.headers().contains(io.vertx.core.http.HttpHeaders.TRANSFER_ENCODING);
        }

        private ProxyResponse failure(ProxyContext pc, Throwable e) {
            if (e instanceof LimitedBody.TooLarge || pc.get(TOO_LARGE, Boolean.class) != null) {
                String path = pc.request().proxiedRequest().path();
                return pc.request().release().response()
                        .setStatusCode(413)
                        .setStatusMessage("Payload Too Large")
                        .putHeader("Content-Type", Problems.CONTENT_TYPE)
                        .putHeader("Connection", "close")
                        .setBody(Body.body(Problems.body("payload-too-large", "Payload Too Large", 413,
                                "the request body is larger than " + maxBody + " bytes", path)));
            }
            int status = statusFor(e);
            String path = pc.request().proxiedRequest().path();
            String slug;
            String title;
            String detail;
            if (e instanceof Breaker.Open) {
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
                    .setBody(Body.body(Problems.body(slug, title, status, detail, path)));
            if (status == 503) {
                r.putHeader("Retry-After", Long.toString(e instanceof Breaker.Open ? breakerDelaySeconds : 1));
            }
            return r;
        }
    }
}
