package org.unionhub.membership.observability;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The OpenTelemetry SDK on, as QUARKUS_OTEL_SDK_DISABLED=false does in a deployment (no collector: exports just fail). */
public class TracingOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                // nothing listens here; keep the failed exports rare
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9",
                "quarkus.otel.bsp.schedule.delay", "60s");
    }
}
