package org.unionhub.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTest {

    @Test
    void wellFormedRequestIdsAreKept() {
        assertThat(Correlation.requestId("abc-123_45.6")).isEqualTo("abc-123_45.6");
        assertThat(Correlation.requestId("short")).isNotEqualTo("short");
        assertThat(Correlation.requestId("has space in it")).matches("[0-9a-f-]{36}");
        assertThat(Correlation.requestId("x".repeat(129))).matches("[0-9a-f-]{36}");
        assertThat(Correlation.requestId(null)).matches("[0-9a-f-]{36}");
    }

    @Test
    void traceparentIsKeptWhenValidElseStarted() {
        String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(Correlation.traceparent(tp)).isEqualTo(tp);
        assertThat(Correlation.traceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNotEqualTo(tp)
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(Correlation.traceparent("garbage")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(Correlation.traceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).startsWith("00-");
    }
}
