package org.unionhub.membership.bench;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the benchmark endpoints ({@code /q/bench/...}) dark unless {@code unionhub.bench.enabled=true}
 * (UNIONHUB_BENCH_ENABLED): a runtime switch, because the benchmark runs the same packaged jar as a deployment.
 */
public class BenchSwitch {

    static final String PREFIX = "/q/bench/";

    @ConfigProperty(name = "unionhub.bench.enabled", defaultValue = "false")
    boolean enabled;

    @ServerRequestFilter(preMatching = true)
    public Response darkUnlessEnabled(ContainerRequestContext request) {
        if (!enabled && request.getUriInfo().getPath().startsWith(PREFIX)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return null;
    }
}
