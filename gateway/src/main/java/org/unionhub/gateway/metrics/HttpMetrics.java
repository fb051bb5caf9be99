package org.unionhub.gateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The gateway's HTTP metrics: latency as a histogram (so that dashboards can draw p95 per route, as for
 * the services), and the {@code uri} tag with ids replaced by placeholders. The gateway routes by prefix,
 * so without that every member and venue id would become a time series of its own. Like the services'
 * (platform's MetricsSetup, which the gateway does not depend on: it has no database or Kafka), every
 * metric carries the application's name.
 */
@Singleton
public class HttpMetrics {

    private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern NUMBER_SEGMENT = Pattern.compile("/\\d+(?=/|$)");

    static String template(String uri) {
        return NUMBER_SEGMENT.matcher(UUID_SEGMENT.matcher(uri).replaceAll("/{id}")).replaceAll("/{n}");
    }

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("application", application)));
    }

    @Produces
    @Singleton
    MeterFilter idsOutOfUriTags() {
        return MeterFilter.replaceTagValues("uri", HttpMetrics::template);
    }

    @Produces
    @Singleton
    MeterFilter httpLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
