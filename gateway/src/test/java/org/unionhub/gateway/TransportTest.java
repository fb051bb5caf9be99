package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event loops run on Netty's epoll transport: with NIO the gateway spent about a fifth more CPU
 * per proxied call (docs/performance.md). Dropping the native library from the dependencies would
 * silently fall back to NIO; this test notices.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class TransportTest {

    @Inject
    Vertx vertx;

    @Test
    void theEventLoopsUseTheNativeEpollTransport() {
        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport unavailable: %s", vertx.unavailableNativeTransportCause())
                .isTrue();
    }
}
