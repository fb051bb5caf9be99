package org.unionhub.gateway.security;

import org.unionhub.platform.identity.DevelopmentKeyGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's guard against the key the gateway ships (platform-core's test covers JWK sets and inline keys). */
class DevelopmentKeyGuardTest {

    @Test
    void prodRefusesTheDevelopmentKeyTheGatewayShips() throws Exception {
        String pem = new String(getClass().getClassLoader().getResourceAsStream("dev-keys/unionhub-dev-public.pem").readAllBytes());
        assertThat(DevelopmentKeyGuard.fingerprints(pem)).containsExactly(DevelopmentKeyGuard.DEVELOPMENT_KEY_SHA256);
        assertThatThrownBy(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.empty(),
                Optional.of("dev-keys/unionhub-dev-public.pem")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start in the prod profile")
                .hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThatCode(() -> DevelopmentKeyGuard.check(List.of("development"), Optional.empty(),
                Optional.of("dev-keys/unionhub-dev-public.pem"))).doesNotThrowAnyException();
    }

    @Test
    void prodAcceptsAnotherKey(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path key = dir.resolve("verification-keys");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        assertThatCode(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("file:" + key)))
                .doesNotThrowAnyException();
    }
}
