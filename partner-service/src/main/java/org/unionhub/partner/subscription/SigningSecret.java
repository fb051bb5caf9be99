package org.unionhub.partner.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A webhook signing secret, {@code whsec_<base64 of 32 random bytes>} as the Standard Webhooks specification shows
 * them. Kept readable because signing needs it; shown to the partner only once, when created.
 */
@Entity
public class SigningSecret extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID subscriptionId;
    public String secret;
    public Instant createdAt;
    /** Null for the current secret; set on the previous one by a rotation. */
    public Instant expiresAt;

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The secrets that sign now: the current one, and a rotated-out one until its overlap ends. Newest first. */
    public static List<SigningSecret> valid(UUID subscriptionId, Instant now) {
        return find("subscriptionId = ?1 AND (expiresAt IS NULL OR expiresAt > ?2) ORDER BY id DESC", subscriptionId, now).list();
    }
}
