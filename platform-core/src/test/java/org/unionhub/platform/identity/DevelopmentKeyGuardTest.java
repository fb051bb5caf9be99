package org.unionhub.platform.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentKeyGuardTest {

    static final String DEV_KEY_LOCATION = "dev-keys/unionhub-dev-public.pem";

    static String devKeyPem() throws Exception {
        try (InputStream in = DevelopmentKeyGuardTest.class.getClassLoader().getResourceAsStream(DEV_KEY_LOCATION)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    static PublicKey otherKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair().getPublic();
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String jwk(RSAPublicKey key, String kid) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + b.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\",\"e\":\"" + b.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}";
    }

    private static byte[] unsigned(byte[] b) {
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Test
    void theFingerprintIsTheOneOfTheShippedDevelopmentKey() throws Exception {
        assertThat(DevelopmentKeyGuard.fingerprints(devKeyPem())).containsExactly(DevelopmentKeyGuard.DEVELOPMENT_KEY_SHA256);
    }

    @Test
    void prodRefusesTheDevelopmentKeyByLocationInlineOrInsideAJwkSet(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of(DEV_KEY_LOCATION)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start in the prod profile")
                .hasMessageContaining("DEVELOPMENT key")
                .hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThatThrownBy(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.of(devKeyPem()), Optional.empty()))
                .hasMessageContaining("DEVELOPMENT key");
        // a copy under another name, in a JWK set beside a real key (as while rotating keys)
        RSAPublicKey dev = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getMimeDecoder().decode(
                        devKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        Path set = dir.resolve("verification-keys");
        Files.writeString(set, "{\"keys\":[" + jwk((RSAPublicKey) otherKey(), "new") + "," + jwk(dev, "old") + "]}");
        assertThatThrownBy(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("file:" + set)))
                .hasMessageContaining("DEVELOPMENT key");
    }

    @Test
    void prodAcceptsAnotherKey(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("issuer.pem");
        Files.writeString(key, pem(otherKey()));
        assertThatCode(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("file:" + key)))
                .doesNotThrowAnyException();
        Path set = dir.resolve("jwks.json");
        Files.writeString(set, "{\"keys\":[" + jwk((RSAPublicKey) otherKey(), "a") + "]}");
        assertThatCode(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("file:" + set)))
                .doesNotThrowAnyException();
        // the identity provider's JWK set URL is not fetched at start
        assertThatCode(() -> DevelopmentKeyGuard.check(List.of("prod"), Optional.empty(),
                Optional.of("https://id.unionhub.example/realms/unionhub/protocol/openid-connect/certs"))).doesNotThrowAnyException();
    }

    @Test
    void developmentAndTestProfilesMayUseTheDevelopmentKey() {
        for (String profile : List.of("development", "dev", "test")) {
            assertThatCode(() -> DevelopmentKeyGuard.check(List.of(profile), Optional.empty(), Optional.of(DEV_KEY_LOCATION)))
                    .doesNotThrowAnyException();
        }
    }
}
