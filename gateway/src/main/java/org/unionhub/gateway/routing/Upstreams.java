package org.unionhub.gateway.routing;

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

/** The route table and one {@link Upstream} per configured service, sharing one HTTP client. */
@ApplicationScoped
public class Upstreams {

    private final HttpClient client;
    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
    private final RouteTable table;

    @Inject
    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(200).setMaxWaitQueueSize(2000));
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        config.services().forEach((name, service) -> {
            upstreams.put(name, new Upstream(name, service, config.breaker(), config.maxBodySize().asLongValue(), client));
            patterns.put(name, service.routes());
        });
        this.table = new RouteTable(patterns);
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

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
