package org.unionhub.membership.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.membership.TestData;
import org.unionhub.membership.member.MemberEvents;

import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing on, the trace of a request goes with the event it wrote: the outbox stores the
 * request's W3C trace context and the relay sends it as the record's {@code traceparent} header.
 * (Consumers continuing it: venue-service ConsumerObservabilityTest.)
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class TraceAcrossKafkaTest {

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }

    @Test
    void theMemberJoinedRecordCarriesTheTraceIdOfTheRequest() {
        UUID org = TestData.tree().leaf();
        String traceId = hex(16);
        String callerSpan = hex(8);
        String id = given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(TestData.joinBody("追踪会员", TestData.idNumber(), TestData.phone(), "COURIER", org, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicProbe probe = new TopicProbe(bootstrap, MemberEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> r = probe.await(rec -> id.equals(rec.key()), Duration.ofSeconds(60));
            String traceparent = TopicProbe.header(r, "traceparent");
            assertThat(traceparent).as("traceparent header").isNotNull().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            String[] parts = traceparent.split("-");
            assertThat(parts[1]).as("trace id").isEqualTo(traceId);
            // the parent is the service's own span within the trace, not the caller's
            assertThat(parts[2]).isNotEqualTo(callerSpan).isNotEqualTo("0000000000000000");
            assertThat(parts[3]).isEqualTo("01");
        }
    }
}
