package org.unionhub.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the edge is told by configuration (application.properties, overridable by env). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name: where they live and which paths they own. */
    Map<String, Service> services();

    /** "METHOD /prefix" pairs reachable without a token. */
    List<String> publicRoutes();

    /**
     * CIDRs (or single addresses) of the proxies in front of the gateway, e.g. the Ingress
     * controller's pods: only from these is X-Forwarded-For believed for the anonymous rate limits
     * (edge/ClientAddress). Empty: trust nobody, the TCP peer is the client.
     */
    Optional<List<String>> trustedProxies();

    /** Larger request bodies are refused with 413 before they reach a service. */
    @WithDefault("50M")
    MemorySize maxBodySize();

    /** Client headers that a service could mistake for identity: never forwarded. */
    @WithDefault("X-User-Id,X-Member-Id,X-Org-Id,X-Roles,X-Groups,X-Subject,X-Forwarded-User,X-Authenticated-User,X-Auth-Request-User")
    List<String> stripHeaders();

    /** A token carrying only these roles may read but not change anything. */
    @WithDefault("partner")
    List<String> readOnlyRoles();

    /**
     * The operations ("POST /api/v1/partner/cards/* /redemptions", whole paths, "*" one segment) that a read-only role
     * may nevertheless call: a benefit partner's till records purchases; a partner manages its own webhook
     * subscriptions. The service decides who of that role may.
     */
    Optional<List<String>> readOnlyRoleWrites();

    /** Roles the system knows; a token with none of them is refused (403). */
    @WithDefault("member,staff,judge,chief-judge,finance,admin,partner")
    List<String> knownRoles();

    Breaker breaker();

    Map<String, RateLimit> rateLimits();

    Me me();

    Docs docs();

    interface Service {
        String url();

        List<String> routes();

        /** Longest silence tolerated from the service before 504. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("1s")
        Duration connectTimeout();

        /** Where the service's OpenAPI document is (relative to url). */
        @WithDefault("/q/openapi?format=json")
        String openapiPath();
    }

    interface Breaker {
        /** Calls looked at before the breaker may open. */
        @WithDefault("10")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** Open time before a half-open probe. */
        @WithDefault("10s")
        Duration delay();

        /** Successful probes needed to close again. */
        @WithDefault("2")
        int successThreshold();
    }

    interface RateLimit {
        /** Path prefixes of this group; the longest matching prefix picks the group. */
        List<String> prefixes();

        /** Tokens per period for an authenticated subject. */
        long requests();

        /** Tokens per period for one client address without a token. */
        long anonymousRequests();

        @WithDefault("1M")
        Duration period();
    }

    interface Me {
        /** Budget for the whole "me" fan-out; a part that is later is reported unavailable. */
        @WithDefault("2s")
        Duration timeout();

        @WithDefault("5")
        double nearbyRadiusKm();
    }

    interface Docs {
        /** How often the services' API documents are fetched again. */
        @WithDefault("60s")
        Duration refresh();

        Optional<String> serverUrl();
    }
}
