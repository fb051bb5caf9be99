package org.unionhub.platform.identity;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses to start in the {@code prod} profile when tokens would be verified with the development
 * key: its private half is in the repository, so with it anyone signs himself an admin token. The
 * configured key (inline, a PEM key or certificate, a JWK or a JWK set) is compared by the SHA-256 of
 * its SubjectPublicKeyInfo with the development key's, so a copy of the development key under any
 * file name is caught too. It lives in platform-core so that the gateway, which has no database, runs the
 * same guard as the services. docs/security.md "Tokens".
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    /** {@code openssl pkey -pubin -in dev-keys/unionhub-dev-public.pem -outform DER | sha256sum} */
    public static final String DEVELOPMENT_KEY_SHA256 = "525afdd4f6cb7a3618891287550e80e3f5ed216645cc4ef66f8ab8781ac8f660";

    private static final Logger LOG = Logger.getLogger(DevelopmentKeyGuard.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]*)-----END \\1-----");

    void onStart(@Observes StartupEvent event) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        check(config.getProfiles(), config.getOptionalValue("mp.jwt.verify.publickey", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class));
    }

    /** Throws when {@code profiles} include prod and the configured verification key is the development key. */
    public static void check(List<String> profiles, Optional<String> inlineKey, Optional<String> location) {
        if (!profiles.contains("prod")) {
            return;
        }
        String setting;
        String keyText;
        if (inlineKey.isPresent() && !inlineKey.get().isBlank()) {
            setting = "mp.jwt.verify.publickey";
            keyText = inlineKey.get();
        } else if (location.isPresent() && !location.get().isBlank()) {
            setting = "mp.jwt.verify.publickey.location=" + location.get();
            if (location.get().startsWith("http://") || location.get().startsWith("https://")) {
                // the identity provider's JWK set, fetched by the verifier; not the key of this repository
                return;
            }
            try {
                keyText = ResourceUtils.readResource(location.get());
            } catch (Exception e) {
                keyText = null;
            }
            if (keyText == null) {
                LOG.warnf("token verification key %s could not be read to compare it with the development key", location.get());
                return;
            }
        } else {
            return;
        }
        if (fingerprints(keyText).contains(DEVELOPMENT_KEY_SHA256)) {
            throw new IllegalStateException("Refusing to start in the prod profile: the token verification key (" + setting
                    + ") is the UnionHub DEVELOPMENT key (SHA-256 " + DEVELOPMENT_KEY_SHA256 + "), whose private half is "
                    + "in the repository: anyone could sign an admin token. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION and "
                    + "MP_JWT_VERIFY_ISSUER to your identity provider's (docs/operations.md, \"Rotate the JWT keys\"); "
                    + "development runs use QUARKUS_PROFILE=development.");
        }
    }

    /** SHA-256 (hex) of the SubjectPublicKeyInfo of every public key in a PEM text, a JWK or a JWK set. */
    public static Set<String> fingerprints(String keyText) {
        Set<String> out = new LinkedHashSet<>();
        String text = keyText.strip();
        try {
            if (text.startsWith("{")) {
                List<JsonWebKey> keys = text.contains("\"keys\"") ? new JsonWebKeySet(text).getJsonWebKeys()
                        : List.of(JsonWebKey.Factory.newJwk(text));
                for (JsonWebKey k : keys) {
                    if (k instanceof PublicJsonWebKey pk && pk.getPublicKey() != null) {
                        out.add(sha256(pk.getPublicKey().getEncoded()));
                    }
                }
                return out;
            }
            Matcher m = PEM.matcher(text);
            boolean any = false;
            while (m.find()) {
                any = true;
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                if (m.group(1).equals("PUBLIC KEY")) {
                    out.add(sha256(der));
                } else if (m.group(1).equals("CERTIFICATE")) {
                    out.add(sha256(CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der)).getPublicKey().getEncoded()));
                }
            }
            if (!any) {
                // a bare base64 SubjectPublicKeyInfo, as mp.jwt.verify.publickey also accepts
                out.add(sha256(Base64.getMimeDecoder().decode(text)));
            }
        } catch (Exception e) {
            LOG.debugf("token verification key not parsed for the development key check: %s", e.toString());
        }
        return out;
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
