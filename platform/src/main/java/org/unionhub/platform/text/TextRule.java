package org.unionhub.platform.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one rule for every text a client sends: no control characters (NUL included: PostgreSQL refuses it in text,
 * and none belongs in a name or a reason) except tab, line feed and carriage return; no lone UTF-16 surrogate; at most
 * {@link #MAX_LENGTH} characters (fields may set a lower {@code @Size}); stored in Unicode NFC, so that the same
 * name typed on two phones compares equal. Chinese text is unchanged by NFC.
 */
public final class TextRule {

    /** The upper bound of any text field; minutes of a forum are the longest texts the domain has. */
    public static final int MAX_LENGTH = 20_000;

    private TextRule() {
    }

    /** Why {@code text} is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbiddenControl(c)) {
                return Optional.of(String.format("contains a control character (U+%04X)", (int) c));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an unpaired surrogate (not valid Unicode)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (not valid Unicode)");
            }
        }
        return Optional.empty();
    }

    /** The text in NFC (returns the same instance when it already is, the usual case). */
    public static String normalize(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
