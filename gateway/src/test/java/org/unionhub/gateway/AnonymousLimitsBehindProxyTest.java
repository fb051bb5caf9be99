package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous rate limits behind an Ingress. FakeServices trusts 127.0.0.2 as a proxy (and not
 * 127.0.0.3); the calls here leave from those loopback addresses, and the public group
 * {@code /api/v1/venues/anon-limit-test} allows 2 anonymous calls a minute per client.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class AnonymousLimitsBehindProxyTest {

    static final String PATH = "/api/v1/venues/anon-limit-test";
    static final String PROXY = "127.0.0.2";
    static final String UNTRUSTED = "127.0.0.3";

    @TestHTTPResource("/")
    URL root;

    /** A GET from {@code source}, raw, so that the local address and the header are exactly these. */
    private int get(String source, String forwardedFor) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(source, 0));
            s.connect(new InetSocketAddress("127.0.0.1", root.getPort()), 5_000);
            s.setSoTimeout(10_000);
            String request = "GET " + PATH + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static String someClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnBucket() throws Exception {
        String scraper = someClient();
        assertThat(get(PROXY, scraper)).isEqualTo(200);
        assertThat(get(PROXY, scraper)).isEqualTo(200);
        assertThat(get(PROXY, scraper)).as("the scraper is limited").isEqualTo(429);
        // everyone else behind the same Ingress is not
        assertThat(get(PROXY, someClient())).isEqualTo(200);
        assertThat(get(PROXY, "203.0.113.1, " + someClient())).isEqualTo(200);
    }

    @Test
    void forwardedForFromAnUntrustedPeerOrWrittenByTheClientDoesNotEscapeTheLimit() throws Exception {
        // an untrusted peer inventing a new address per call stays one client
        int ok = 0;
        for (int i = 0; i < 4; i++) {
            if (get(UNTRUSTED, someClient()) == 200) {
                ok++;
            }
        }
        assertThat(ok).isEqualTo(2);
        // behind the trusted proxy, what the client put left of the proxy's entry is not used
        String client = someClient();
        assertThat(get(PROXY, someClient() + ", " + client)).isEqualTo(200);
        assertThat(get(PROXY, someClient() + ", " + client)).isEqualTo(200);
        assertThat(get(PROXY, someClient() + ", " + client)).isEqualTo(429);
    }
}
