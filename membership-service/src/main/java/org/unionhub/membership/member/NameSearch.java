package org.unionhub.membership.member;

import org.unionhub.platform.problem.ProblemException;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The name search's rule: at least two characters (a Chinese given name alone is two), at most
 * {@value #MAX_LENGTH}; a name matches when it contains the text. The grams are the ones the database
 * keeps per member (function name_bigrams, migration V40), so the index narrows and the LIKE confirms.
 */
public final class NameSearch {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 50;

    private NameSearch() {
    }

    /** The search text as it is matched: trimmed, NFC, lower case; a 400 naming {@code q} when too short or long. */
    public static String normalise(String q) {
        String text = Normalizer.normalize(q.strip(), Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw ProblemException.invalid("q", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return text;
    }

    /** The distinct two-character grams of a normalised text, as name_bigrams computes them for a name. */
    public static String[] grams(String text) {
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams.toArray(String[]::new);
    }

    /** The LIKE pattern, with LIKE's own characters taken literally. */
    public static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
