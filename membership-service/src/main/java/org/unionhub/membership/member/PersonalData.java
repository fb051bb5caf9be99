package org.unionhub.membership.member;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Protects ID numbers and phones at rest (PIPL: store the least): a keyed hash (HMAC-SHA256) finds a
 * person again without a plain-text index, AES-256-GCM keeps the value for the rare lawful need to read
 * it. Both keys come from configuration; the repository holds only clearly marked development keys.
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);
    static final String DEV_MARKER = "DEVELOPMENT-ONLY";

    private final byte[] hashKey;
    private final SecretKeySpec encryptionKey;
    private final boolean developmentKeys;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs;
    // Cipher.getInstance is a provider lookup: keep one per thread (bulk enrollment encrypts 100,000 values)
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public PersonalData(@ConfigProperty(name = "unionhub.membership.pii.hash-key") String hashKey,
                        @ConfigProperty(name = "unionhub.membership.pii.encryption-key") String encryptionKey) {
        this.hashKey = hashKey.getBytes(StandardCharsets.UTF_8);
        byte[] aes = Base64.getDecoder().decode(encryptionKey);
        if (aes.length != 32) {
            throw new IllegalStateException("unionhub.membership.pii.encryption-key must be 32 bytes, base64");
        }
        this.encryptionKey = new SecretKeySpec(aes, "AES");
        this.developmentKeys = hashKey.contains(DEV_MARKER);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(this.hashKey, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void warnAboutDevelopmentKeys(@Observes StartupEvent ignored) {
        if (developmentKeys && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("membership-service runs with the DEVELOPMENT personal-data keys: set UNIONHUB_MEMBERSHIP_PII_HASH_KEY "
                    + "and UNIONHUB_MEMBERSHIP_PII_ENCRYPTION_KEY");
        }
    }

    /** The keyed hash that the unique index holds instead of the number. */
    public String hash(String value) {
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    public String encrypt(String value) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }
}
