package org.unionhub.partner.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks signature: {@code v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">},
 * keyed with the base64-decoded bytes after {@code whsec_}. Several secrets (a rotation's overlap) give several
 * signatures, space-separated in one {@code webhook-signature} header; a receiver accepts any that matches.
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    public static String sign(String secret, String id, long timestampSeconds, String body) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code webhook-signature} header value for all valid secrets, newest first. */
    public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).collect(Collectors.joining(" "));
    }
}
