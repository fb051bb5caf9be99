package org.unionhub.membership.member;

import org.unionhub.platform.problem.ProblemException;

import java.util.regex.Pattern;

/** A mainland mobile number: 11 digits starting with 1 (a +86 / 86 prefix and separators are tolerated). */
public final class MobilePhone {

    private static final Pattern VALID = Pattern.compile("1[3-9]\\d{9}");

    private MobilePhone() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.replaceAll("[\\s-]", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("86") && v.length() == 13) {
            v = v.substring(2);
        }
        return v;
    }

    public static boolean isValid(String raw) {
        String v = normalise(raw);
        return v != null && VALID.matcher(v).matches();
    }

    /** Validates or answers 400 naming {@code phone}. */
    public static String parse(String raw) {
        if (!isValid(raw)) {
            throw ProblemException.invalid("phone", "must be a mainland mobile number: 11 digits starting with 1");
        }
        return normalise(raw);
    }

    /** {@code 138****5678} */
    public static String mask(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
