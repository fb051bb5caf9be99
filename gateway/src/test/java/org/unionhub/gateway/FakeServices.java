package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts real HTTP servers on free ports as the gateway's upstreams and points the route table at
 * them: the five services, plus test-only routes, one per resilience test (slow, dropping, erroring,
 * flaky, down): each upstream has its own circuit breaker, so every such test starts from a closed
 * one whatever ran before it.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, FakeService> SERVICES = new LinkedHashMap<>();
    private static Vertx vertx;
    private static int downPort;

    public static FakeService get(String name) {
        return SERVICES.get(name);
    }

    public static int downPort() {
        return downPort;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            for (String name : new String[]{"membership", "venue", "assistance", "competition", "partner", "slow", "dropping", "erroring", "flaky"}) {
                SERVICES.put(name, new FakeService(vertx, name).start());
            }
            try (ServerSocket s = new ServerSocket(0)) {
                downPort = s.getLocalPort(); // closed again: nothing listens there
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, String> config = new HashMap<>();
        SERVICES.forEach((name, s) -> config.put("gateway.services." + name + ".url", s.url()));
        config.put("gateway.services.slow.routes", "/api/v1/slow-test");
        config.put("gateway.services.slow.timeout", "500ms");
        config.put("gateway.services.dropping.routes", "/api/v1/drop-test");
        config.put("gateway.services.dropping.timeout", "500ms");
        config.put("gateway.services.erroring.routes", "/api/v1/error-test");
        config.put("gateway.services.erroring.timeout", "500ms");
        config.put("gateway.services.flaky.routes", "/api/v1/flaky-test");
        config.put("gateway.services.flaky.timeout", "500ms");
        config.put("gateway.services.down.url", "http://127.0.0.1:" + downPort);
        config.put("gateway.services.down.routes", "/api/v1/down-test");
        config.put("gateway.services.down.timeout", "2s");
        config.put("gateway.breaker.request-volume", "4");
        config.put("gateway.breaker.failure-ratio", "0.5");
        config.put("gateway.breaker.delay", "1s");
        config.put("gateway.breaker.success-threshold", "1");
        config.put("gateway.max-body-size", "4K");
        config.put("gateway.rate-limits.tight.prefixes", "/api/v1/reports");
        config.put("gateway.rate-limits.tight.requests", "3");
        config.put("gateway.rate-limits.tight.anonymous-requests", "3");
        config.put("gateway.rate-limits.tight.period", "1M");
        // AnonymousLimitsBehindProxyTest: 127.0.0.2 is a trusted proxy, 127.0.0.3 is not
        config.put("gateway.trusted-proxies", "127.0.0.2/32,10.0.0.0/8");
        config.put("gateway.rate-limits.anon.prefixes", "/api/v1/venues/anon-limit-test");
        config.put("gateway.rate-limits.anon.requests", "100");
        config.put("gateway.rate-limits.anon.anonymous-requests", "2");
        config.put("gateway.rate-limits.anon.period", "1M");
        config.put("gateway.me.timeout", "4s");
        config.put("gateway.docs.refresh", "1s");
        config.put("quarkus.log.category.\"org.unionhub.gateway.docs\".level", "DEBUG");
        return config;
    }

    @Override
    public void stop() {
        // the servers live as long as the test JVM; several Quarkus starts may share them
    }
}
