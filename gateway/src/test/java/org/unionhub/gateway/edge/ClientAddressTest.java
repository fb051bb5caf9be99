package org.unionhub.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress nobody = new ClientAddress(List.of());
        assertThat(nobody.of("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedAddressIsTheClient() {
        assertThat(behindIngress.of("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // what the client wrote itself stays left of what the proxies vouch for
        assertThat(behindIngress.of("10.1.2.3", List.of("198.51.100.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        // several trusted hops, and the header sent twice
        assertThat(behindIngress.of("10.1.2.3", List.of("198.51.100.1", "203.0.113.7, 10.9.9.9"))).isEqualTo("203.0.113.7");
        assertThat(behindIngress.of("fd00::5", List.of("2001:db8:0:0::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(behindIngress.of("10.1.2.3", List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(behindIngress.of("203.0.113.50", List.of("10.1.1.1"))).isEqualTo("203.0.113.50");
        assertThat(behindIngress.of("203.0.113.50", List.of("198.51.100.9"))).isEqualTo("203.0.113.50");
    }

    @Test
    void nonsenseOrOnlyTrustedAddressesInTheChain() {
        // garbage where the client should be: the last address a trusted proxy vouched for
        assertThat(behindIngress.of("10.1.2.3", List.of("evil.example, 10.4.4.4"))).isEqualTo("10.4.4.4");
        assertThat(behindIngress.of("10.1.2.3", List.of("not-an-address"))).isEqualTo("10.1.2.3");
        assertThat(behindIngress.of("10.1.2.3", List.of("10.5.5.5, 10.4.4.4"))).isEqualTo("10.5.5.5");
        assertThat(behindIngress.of("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void aTypoInTheConfigurationFailsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("ingress-nginx"))).isInstanceOf(IllegalArgumentException.class);
    }
}
