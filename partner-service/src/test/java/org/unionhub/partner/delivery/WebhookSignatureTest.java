package org.unionhub.partner.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /** The test vector of the Standard Webhooks reference libraries. */
    @Test
    void signsTheSpecificationsExample() {
        String sig = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertThat(sig).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void severalSecretsGiveSpaceSeparatedSignatures() {
        String header = WebhookSignature.header(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                "id", 1L, "{}");
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
    }

    @Test
    void backoffDoublesUpToItsCapWithFullJitterAndGivesUpAfterItsTime() {
        RetrySchedule s = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));
        assertThat(s.ceiling(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.ceiling(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.ceiling(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(s.ceiling(30)).isEqualTo(Duration.ofHours(1));
        assertThat(s.ceiling(500)).isEqualTo(Duration.ofHours(1));
        Instant t0 = Instant.parse("2026-11-30T00:00:00Z");
        Instant now = t0.plusSeconds(60);
        assertThat(s.next(3, t0, now, () -> 0.0)).isEqualTo(now);
        assertThat(s.next(3, t0, now, () -> 0.5)).isEqualTo(now.plusSeconds(10));
        assertThat(s.next(3, t0, now, () -> 0.999)).isBefore(now.plusSeconds(20));
        assertThat(s.next(3, t0, t0.plus(Duration.ofHours(24)), () -> 0.5)).isNull();
    }
}
