package org.unionhub.infra;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Mints DEVELOPMENT tokens signed with the development key pair (see dev-keys/README.md), for the
 * tests and for trying the local suite by hand:
 *
 * <pre>java -cp $(cat deploy/local-infra/target/launcher.classpath):deploy/local-infra/target/classes \
 *   org.unionhub.infra.DevTokens staff --org=UUID</pre>
 */
public final class DevTokens {

    public static final String ISSUER = "https://unionhub.org/dev";
    /** The audience every UnionHub service and the gateway expect ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "unionhub";

    private static volatile PrivateKey key;

    private DevTokens() {
    }

    public static String member(UUID memberId) {
        return token("member-" + memberId, Set.of("member"), memberId, null, Duration.ofHours(1));
    }

    public static String staff(UUID orgId) {
        return token("staff-" + orgId, Set.of("staff"), null, orgId, Duration.ofHours(1));
    }

    public static String role(String role) {
        return token(role + "-" + UUID.randomUUID(), Set.of(role), null, null, Duration.ofHours(1));
    }

    public static String role(String role, String subject) {
        return token(subject, Set.of(role), null, null, Duration.ofHours(1));
    }

    public static String token(String subject, Set<String> groups, UUID memberId, UUID orgId, Duration lifetime) {
        JwtClaimsBuilder claims = claims(subject, groups).expiresIn(lifetime);
        if (memberId != null) {
            claims.claim("memberId", memberId.toString());
        }
        if (orgId != null) {
            claims.claim("orgId", orgId.toString());
        }
        return sign(claims);
    }

    /**
     * The claims of a development token (issuer, audience, subject, groups) for a test that needs
     * to bend one of them (another audience, an old {@code iat}) before {@link #sign}ing it.
     */
    public static JwtClaimsBuilder claims(String subject, Set<String> groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(groups)
                .expiresIn(Duration.ofHours(1));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("unionhub-dev").sign(privateKey());
    }

    static PrivateKey privateKey() {
        if (key == null) {
            try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/unionhub-dev-private.pem")) {
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("development key unreadable", e);
            }
        }
        return key;
    }

    /** {@code DevTokens ROLE [--sub=S] [--member=UUID] [--org=UUID] [--partner=UUID] [--hours=N]} prints a token. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DevTokens member|staff|judge|chief-judge|finance|admin|partner [--sub=S] [--member=UUID] [--org=UUID] [--partner=UUID] [--hours=N]");
            System.exit(2);
        }
        String role = args[0];
        String sub = role + "-dev";
        UUID member = null;
        UUID org = null;
        UUID partner = null;
        // the services refuse a token issued more than an hour ago (mp.jwt.verify.token.age)
        long hours = 1;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--sub=")) sub = a.substring(6);
            else if (a.startsWith("--member=")) member = UUID.fromString(a.substring(9));
            else if (a.startsWith("--org=")) org = UUID.fromString(a.substring(6));
            else if (a.startsWith("--hours=")) hours = Long.parseLong(a.substring(8));
            else if (a.startsWith("--partner=")) partner = UUID.fromString(a.substring(10));
        }
        if (partner != null) {
            // a partner system's token: the partnerId claim names the partner it speaks for (partner-service)
            System.out.println(sign(claims(sub, Set.of(role)).claim("partnerId", partner.toString()).expiresIn(Duration.ofHours(hours))));
            return;
        }
        System.out.println(token(sub, Set.of(role), member, org, Duration.ofHours(hours)));
    }
}
